package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/datelinehq/dateline/crawl"
	"github.com/datelinehq/dateline/extract"
	"github.com/datelinehq/dateline/feed"
	"github.com/datelinehq/dateline/fetch"
	"github.com/datelinehq/dateline/input"
)

// Sources reads Run's arguments (Options.Walk) as input.Walk does, except
// that it fetches URLs politely, through Fetcher, and expands sources of
// articles into the articles they list: feeds (RSS, Atom, JSON Feed),
// sitemaps and sitemap indexes (Google News ones included) and OPML lists
// of feeds, given as URLs or local files, and home pages, whose announced
// feeds are read. Those articles are fetched by a one-off crawl (package
// crawl) that takes hosts in turn within their limits.
//
// A URL argument is a source when it parses as a feed, or when it is an
// HTML page that announces feeds (<link rel="alternate">) and is either a
// site's root or no article itself; any other URL is a page to ingest.
// Local inputs other than lists of feeds are read first, by input.Walk,
// then the fetched ones.
//
// Nothing is remembered between runs: a source ingested again is fetched
// again, and the store tells what it already holds. `dateline watch` is
// the crawl that remembers.
type Sources struct {
	// Fetcher fetches every URL; required. Its options bound the fetches;
	// the input.Options Walk is given bound the local inputs.
	Fetcher crawl.Getter
	// Crawl tunes the crawl: its Workers, HostWorkers (match the
	// Fetcher's per-host concurrency), PollWorkers and MaxChildren are
	// used; the rest is set by Walk.
	Crawl crawl.Options
	// Logger receives the crawl's progress and failures; nil discards.
	Logger *slog.Logger
}

// Walk has the signature of input.Walk, for Options.Walk.
func (s *Sources) Walk(ctx context.Context, args []string, opts input.Options, fn func(input.Item) error) error {
	var local, lists, urls []string
	for _, arg := range args {
		switch {
		case isURL(arg):
			urls = append(urls, arg)
		case listsFeeds(arg):
			lists = append(lists, arg)
		default:
			local = append(local, arg)
		}
	}
	if err := input.Walk(ctx, local, opts, fn); err != nil {
		return err
	}
	if len(lists)+len(urls) == 0 {
		return nil
	}
	return s.crawl(ctx, lists, urls, opts, fn)
}

// crawl reads the local lists, sorts the URLs into sources and pages,
// and crawls the sources once.
func (s *Sources) crawl(ctx context.Context, lists, urls []string, opts input.Options, fn func(input.Item) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := &emitter{fn: fn, cancel: cancel}
	state := crawl.NewMemory()
	var sources []string
	for _, path := range lists {
		feeds, err := s.readList(ctx, path, opts, state)
		if err != nil {
			out.fail(path, err)
			continue
		}
		sources = append(sources, feeds...)
	}
	primed := &primedGetter{next: s.Fetcher, responses: map[string]*fetch.Response{}}
	for i, r := range s.classify(ctx, urls) {
		switch {
		case r.err != nil:
			out.fail(urls[i], r.err)
		case r.source:
			sources = append(sources, urls[i])
			if key, err := fetch.Canonical(urls[i]); err == nil {
				primed.responses[key] = r.resp
			}
		default:
			out.send(input.Item{Source: urls[i], URL: r.resp.URL, ContentType: r.resp.ContentType, Body: r.resp.Body})
		}
	}
	if pending, _ := state.Pending(ctx); len(sources)+len(pending) == 0 {
		return out.result(nil)
	}
	copts := s.Crawl
	copts.Fetcher, copts.State, copts.Handle, copts.Failed = primed, state, out.page, out.fail
	copts.Once, copts.Logger = true, s.Logger
	err := crawl.Run(ctx, sources, copts)
	if ctx.Err() == nil {
		// A host that asked to be left alone for longer than a fetch
		// waits keeps its pages: for a one-off run they are failures.
		pending, _ := state.Pending(ctx)
		for _, it := range pending {
			out.fail(it.URL, fmt.Errorf("not fetched: its host is paused until %s", it.NotBefore.Format(time.RFC3339)))
		}
	}
	return out.result(err)
}

// readList reads a local file of feeds or articles: the feeds it lists
// are returned as sources to crawl, its articles are queued in state.
func (s *Sources) readList(ctx context.Context, path string, opts input.Options, state crawl.State) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	max := opts.MaxBytes
	if max <= 0 {
		max = input.DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over %d bytes", input.ErrTooLarge, max)
	}
	parsed, err := feed.Parse(data, "")
	if err != nil {
		return nil, err
	}
	var feeds []string
	for _, f := range parsed.Feeds {
		feeds = append(feeds, f.URL)
	}
	var items []crawl.Item
	for _, it := range parsed.Items {
		if u, err := fetch.Canonical(it.URL); err == nil {
			items = append(items, crawl.Item{URL: u, Feed: path, Title: it.Title, Published: it.When()})
		}
	}
	if len(feeds)+len(items) == 0 {
		return nil, errors.New("lists neither feeds nor articles")
	}
	if _, err := state.Add(ctx, items); err != nil {
		return nil, err
	}
	return feeds, nil
}

// classified is a fetched URL argument, sorted.
type classified struct {
	resp   *fetch.Response
	source bool
	err    error
}

// classify fetches the URL arguments, several at once (the Fetcher keeps
// each host's limits), and sorts each into a source or a page.
func (s *Sources) classify(ctx context.Context, urls []string) []classified {
	out := make([]classified, len(urls))
	workers := s.Crawl.Workers
	if workers <= 0 {
		workers = 16 // as crawl's default
	}
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for i, u := range urls {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			resp, err := s.Fetcher.Get(ctx, fetch.Request{URL: u})
			if err != nil {
				out[i] = classified{err: err}
				return
			}
			out[i] = classified{resp: resp, source: isSource(resp)}
		})
	}
	wg.Wait()
	return out
}

// isSource reports whether a fetched page lists articles rather than
// being one: a feed, or an HTML page announcing feeds that is a site's
// root or holds no article (a section front).
func isSource(resp *fetch.Response) bool {
	if _, err := feed.Parse(resp.Body, resp.URL); err == nil {
		return true
	}
	if len(feed.Discover(resp.Body, resp.URL)) == 0 {
		return false
	}
	if u, err := url.Parse(resp.URL); err == nil && (u.Path == "" || u.Path == "/") && u.RawQuery == "" {
		return true
	}
	_, err := extract.Page(resp.Body, extract.Options{URL: resp.URL, ContentType: resp.ContentType})
	return errors.Is(err, extract.ErrNoContent)
}

// primedGetter answers the crawl's first request for a source with the
// response already fetched to sort it, so that no source is fetched
// twice.
type primedGetter struct {
	next      crawl.Getter
	mu        sync.Mutex
	responses map[string]*fetch.Response // by canonical URL
}

func (g *primedGetter) Get(ctx context.Context, req fetch.Request) (*fetch.Response, error) {
	g.mu.Lock()
	resp, ok := g.responses[req.URL]
	delete(g.responses, req.URL)
	g.mu.Unlock()
	if ok && req.ETag == "" && req.LastModified == "" {
		return resp, nil
	}
	return g.next.Get(ctx, req)
}

// emitter passes pages and failures to Walk's fn, one at a time, and
// stops the crawl when fn fails (the run is over).
type emitter struct {
	mu     sync.Mutex
	fn     func(input.Item) error
	cancel func()
	err    error
}

func (e *emitter) send(it input.Item) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.err != nil {
		return e.err
	}
	if err := e.fn(it); err != nil {
		e.err = err
		e.cancel()
	}
	return e.err
}

// page is the crawl's Handle.
func (e *emitter) page(_ context.Context, p crawl.Page) error {
	return e.send(input.Item{Source: p.Item.URL, URL: p.URL, ContentType: p.ContentType, Body: p.Body})
}

// fail reports an input that could not be read, naming it.
func (e *emitter) fail(source string, err error) {
	if !strings.Contains(err.Error(), source) {
		err = fmt.Errorf("%s: %w", source, err)
	}
	e.send(input.Item{Source: source, Err: err})
}

// result is the walk's error: fn's own first, else the crawl's.
func (e *emitter) result(err error) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.err != nil {
		return e.err
	}
	return err
}

func isURL(arg string) bool {
	s := strings.ToLower(arg)
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// listsFeeds reports whether a local file looks like a feed, a sitemap
// or an OPML list by its first bytes; WARCs, gzip files, HTML and text go
// to input.Walk. The file is parsed only when its head says so.
func listsFeeds(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return false
	}
	head := make([]byte, 2048)
	n, _ := io.ReadFull(bufio.NewReader(f), head)
	return feedHead(head[:n])
}

// feedRoots are how the root elements of the XML formats feed.Parse
// reads begin, lowercased.
var feedRoots = []string{"<rss", "<rdf:rdf", "<feed", "<urlset", "<sitemapindex", "<opml"}

func feedHead(head []byte) bool {
	h := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n"))
	if bytes.HasPrefix(h, []byte("{")) {
		return bytes.Contains(h, []byte("jsonfeed.org/version"))
	}
	if !bytes.HasPrefix(h, []byte("<")) || bytes.Contains(h, []byte("<html")) {
		return false
	}
	for _, root := range feedRoots {
		if bytes.Contains(h, []byte(root)) {
			return true
		}
	}
	return false
}
