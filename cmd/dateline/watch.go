package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/datelinehq/dateline/crawl"
	"github.com/datelinehq/dateline/extract"
	"github.com/datelinehq/dateline/feed"
	"github.com/datelinehq/dateline/fetch"
)

// watchFlags are the flags of `dateline watch`.
type watchFlags struct {
	state, out, warcDir string
	warcSize            int64
	once, verbose       bool
	fetch               fetch.Options
	schedule            crawl.Schedule
	workers             int
}

func (f *watchFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.state, "state", "", "keep the crawl state in `FILE`, to resume after a restart (default: in memory)")
	fs.StringVar(&f.out, "out", "", "append articles as JSON Lines to `FILE`, exactly once across restarts (default: standard output)")
	fs.StringVar(&f.warcDir, "warc-dir", "", "record every request and response in WARC files in `DIR`")
	fs.Int64Var(&f.warcSize, "warc-size", fetch.DefaultArchiveSize, "start a new WARC file past `BYTES`")
	fs.BoolVar(&f.once, "once", false, "poll each source once, fetch what it lists, and exit")
	fs.BoolVar(&f.verbose, "v", false, "log each poll to standard error")
	fs.StringVar(&f.fetch.Contact, "contact", "", "an e-mail address or URL added to the User-Agent, for site owners")
	fs.StringVar(&f.fetch.UserAgent, "user-agent", "", "replace the whole User-Agent header")
	fs.Float64Var(&f.fetch.HostRate, "rate", 1, "most requests per second to one host")
	fs.IntVar(&f.fetch.HostConcurrency, "host-concurrency", 2, "most requests in flight to one host")
	fs.IntVar(&f.fetch.Concurrency, "concurrency", 32, "most requests in flight in all")
	fs.Int64Var(&f.fetch.MaxBytes, "max-bytes", fetch.DefaultMaxBytes, "largest response `size`, before and after decompression")
	fs.DurationVar(&f.fetch.Timeout, "timeout", 30*time.Second, "time allowed for one request")
	fs.BoolVar(&f.fetch.AllowPrivate, "allow-private", false, "allow fetching from loopback and private networks")
	fs.DurationVar(&f.schedule.Min, "min-interval", 2*time.Minute, "shortest gap between two polls of a feed")
	fs.DurationVar(&f.schedule.Max, "max-interval", 6*time.Hour, "longest gap between two polls of a feed")
	fs.IntVar(&f.workers, "workers", 16, "pages fetched at once")
}

func runWatch(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline watch [flags] SOURCE...")
		fmt.Fprintln(e.stderr, "SOURCE: the URL of an RSS, Atom or JSON feed, a sitemap or sitemap index, an OPML file, or a home page that announces feeds; or a local OPML file.")
		fs.PrintDefaults()
	}
	var f watchFlags
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no SOURCE given", errUsage)
	}
	level := slog.LevelWarn
	if f.verbose {
		level = slog.LevelInfo
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level}))
	f.fetch.HostConcurrency = max(f.fetch.HostConcurrency, 1)
	f.fetch.Logger = log
	sources, err := expandSources(fs.Args())
	if err != nil {
		return err
	}
	return watch(ctx, e, sources, f, log)
}

// expandSources returns the URLs to watch: URL arguments as they are, and
// for a local file (an OPML export of a feed reader, a saved sitemap
// index) the feeds it lists.
func expandSources(args []string) ([]string, error) {
	var out []string
	for _, arg := range args {
		if strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
			out = append(out, arg)
			continue
		}
		data, err := os.ReadFile(arg)
		if err != nil {
			return nil, fmt.Errorf("source %s: %w", arg, err)
		}
		parsed, err := feed.Parse(data, "")
		if err != nil {
			return nil, fmt.Errorf("source %s: %w", arg, err)
		}
		if len(parsed.Feeds) == 0 {
			return nil, fmt.Errorf("source %s: lists no feeds (give a URL to watch a feed itself)", arg)
		}
		for _, f := range parsed.Feeds {
			out = append(out, f.URL)
		}
	}
	return out, nil
}

// watch wires the crawl: state, output, archive, fetcher, extraction.
func watch(ctx context.Context, e env, sources []string, f watchFlags, log *slog.Logger) (err error) {
	var st crawl.State = crawl.NewMemory()
	if f.state != "" {
		fst, err := crawl.OpenFile(f.state)
		if err != nil {
			return err
		}
		st = fst
	}
	defer func() { err = errors.Join(err, st.Close()) }()

	out := &articleSink{w: e.stdout}
	if f.out != "" {
		file, err := openOutput(ctx, f.out, st)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, file.Sync(), file.Close()) }()
		out.w = file
	}
	if f.warcDir != "" {
		a, err := fetch.OpenArchive(f.warcDir, f.warcSize)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, a.Close()) }()
		f.fetch.Archive = a
	}
	fetcher := fetch.New(f.fetch)
	defer fetcher.Close()

	return crawl.Run(ctx, sources, crawl.Options{
		Fetcher:     fetcher,
		State:       st,
		Handle:      out.handle,
		Schedule:    f.schedule,
		Workers:     f.workers,
		HostWorkers: f.fetch.HostConcurrency,
		Once:        f.once,
		Logger:      log,
	})
}

// articleSink extracts each page and writes it as one JSON line.
type articleSink struct {
	mu sync.Mutex
	w  io.Writer
}

// handle extracts a page and writes the article in one write, so that a
// process killed at any moment leaves whole lines and at most one torn
// last line. The article's source is the page's crawl URL: openOutput
// reads it back to know what was written.
func (s *articleSink) handle(_ context.Context, p crawl.Page) error {
	a, err := extract.Page(p.Body, extract.Options{URL: p.URL, ContentType: p.ContentType})
	if err != nil {
		return fmt.Errorf("extract %s: %w", p.URL, err)
	}
	a.Source = p.Item.URL
	if a.URL == "" {
		a.URL = p.URL
	}
	if a.Published == "" && !p.Item.Published.IsZero() {
		a.Published = p.Item.Published.UTC().Format(time.RFC3339)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		return fmt.Errorf("encode %s: %w", p.URL, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write article: %w", err)
	}
	return nil
}

// openOutput opens the output file for appending after making it agree
// with the state: a torn last line (the process was killed while writing
// it) is cut off, and every article in the file is marked done, since the
// process may have died between writing an article and recording it.
// Together these make the output exactly-once across kills.
func openOutput(ctx context.Context, path string, st crawl.State) (*os.File, error) {
	file, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open output: %w", err)
	}
	good, err := reconcile(ctx, file, st)
	if err == nil {
		err = file.Truncate(good)
	}
	if err == nil {
		_, err = file.Seek(good, io.SeekStart)
	}
	if err != nil {
		file.Close()
		return nil, fmt.Errorf("open output %s: %w", path, err)
	}
	return file, nil
}

// reconcile marks done the source of every complete line of r and returns
// the length of those lines.
func reconcile(ctx context.Context, r io.Reader, st crawl.State) (int64, error) {
	br := bufio.NewReader(r)
	var good int64
	for {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			return good, nil // a last line without its newline is torn
		}
		if err != nil {
			return 0, err
		}
		var a struct {
			Source string `json:"source"`
		}
		if json.Unmarshal(line, &a) == nil && a.Source != "" {
			if err := st.Done(ctx, a.Source); err != nil {
				return 0, err
			}
		}
		good += int64(len(line))
	}
}
