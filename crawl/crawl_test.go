package crawl

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/datelinehq/dateline/fetch"
)

// collector is a Handle that records the pages it gets.
type collector struct {
	mu    sync.Mutex
	pages map[string]int
}

func (c *collector) handle(_ context.Context, p Page) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pages == nil {
		c.pages = map[string]int{}
	}
	c.pages[p.Item.URL]++
	return nil
}

func testOptions(st State, h *collector) Options {
	f := fetch.New(fetch.Options{AllowPrivate: true, HostRate: 200, HostConcurrency: 4, BackoffBase: 10 * time.Millisecond})
	return Options{Fetcher: f, State: st, Handle: h.handle, Once: true, HostWorkers: 4}
}

func TestRunOnce(t *testing.T) {
	s := newNewsSite(t)
	st := NewMemory()
	var h collector
	if err := Run(context.Background(), []string{s.URL + "/", s.URL + "/sitemap_index.xml"}, testOptions(st, &h)); err != nil {
		t.Fatal(err)
	}
	if want := siteArticles + 4; len(h.pages) != want {
		t.Errorf("handled %d pages, want %d", len(h.pages), want)
	}
	for u, n := range h.pages {
		if n != 1 {
			t.Errorf("%s handled %d times", u, n)
		}
	}
	if n := s.count("/news/"); n != siteArticles+4 {
		t.Errorf("fetched %d articles, want %d (each once)", n, siteArticles+4)
	}
	if n := s.count("/private/"); n != 0 {
		t.Errorf("disallowed path fetched %d times", n)
	}
	if n := s.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want 1 (cached)", n)
	}
	if _, ok := h.pages[s.URL+"/news/7"]; !ok {
		t.Errorf("tracking parameters not dropped: %v", h.pages)
	}
	if p, _ := st.Pending(context.Background()); len(p) != 0 {
		t.Errorf("%d items still pending", len(p))
	}

	// A second run polls again: the feed answers 304 to its ETag, and
	// nothing is fetched twice.
	before := s.count("/news/")
	var h2 collector
	if err := Run(context.Background(), []string{s.URL + "/", s.URL + "/sitemap_index.xml"}, testOptions(st, &h2)); err != nil {
		t.Fatal(err)
	}
	if r := s.last("/feed.xml"); r == nil || r.Header.Get("If-None-Match") != `"feed-v1"` {
		t.Errorf("re-poll did not send If-None-Match")
	}
	if n := s.count("/news/") - before; n != 0 || len(h2.pages) != 0 {
		t.Errorf("second run fetched %d and handled %d pages, want none", n, len(h2.pages))
	}
	f, err := st.Feed(context.Background(), s.URL+"/feed.xml")
	if err != nil || f.Polls != 2 || f.ETag != `"feed-v1"` {
		t.Errorf("feed state %+v, %v", f, err)
	}
}

func TestShutdownKeepsPending(t *testing.T) {
	s := newNewsSite(t)
	path := filepath.Join(t.TempDir(), "state.jsonl")
	st, err := OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var h collector
	opts := testOptions(st, &h)
	opts.Fetcher = fetch.New(fetch.Options{AllowPrivate: true, HostRate: 40})
	opts.Once = false
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for {
			h.mu.Lock()
			n := len(h.pages)
			h.mu.Unlock()
			if n >= 10 {
				cancel()
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
	start := time.Now()
	if err := Run(ctx, []string{s.URL + "/feed.xml"}, opts); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("shutdown took %v", d)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var pending []Item
	all, _ := st.Pending(context.Background())
	for _, it := range all {
		if it.URL != s.URL+"/private/secret" { // disallowed, never handled
			pending = append(pending, it)
		}
	}
	handled := len(h.pages)
	if handled+len(pending) != siteArticles {
		t.Errorf("handled %d + pending %d, want %d: work lost or doubled", handled, len(pending), siteArticles)
	}
	for _, it := range pending {
		if h.pages[it.URL] > 0 {
			t.Errorf("%s handled and still pending", it.URL)
		}
	}
	// Resume: the rest is fetched, nothing twice.
	opts.State, opts.Once = st, true
	if err := Run(context.Background(), []string{s.URL + "/feed.xml"}, opts); err != nil {
		t.Fatal(err)
	}
	if len(h.pages) != siteArticles {
		t.Errorf("after resuming, %d pages handled, want %d", len(h.pages), siteArticles)
	}
	for u, n := range h.pages {
		if n != 1 {
			t.Errorf("%s handled %d times", u, n)
		}
	}
}

// TestRetryAfterInCrawl: a 429 with a long Retry-After pauses its host
// (all of it) without holding up the rest of a --once run; the page stays
// pending for after the pause. A 410 is given up.
func TestRetryAfterInCrawl(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		switch r.URL.Path {
		case "/busy":
			w.Header().Set("Retry-After", "3600")
			http.Error(w, "busy", http.StatusTooManyRequests)
		case "/gone":
			http.Error(w, "gone", http.StatusGone)
		default:
			fmt.Fprint(w, "<p>ok</p>")
		}
	})
	busy := httptest.NewServer(handler)
	defer busy.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"/ok"},{"id":"2","url":"%s/busy"},{"id":"3","url":"/gone"}]}`, busy.URL)
	})
	mux.Handle("/", handler)
	s := httptest.NewServer(mux)
	defer s.Close()
	st := NewMemory()
	var h collector
	opts := testOptions(st, &h)
	var failed []string
	opts.Failed = func(u string, err error) {
		mu.Lock()
		defer mu.Unlock()
		failed = append(failed, u)
	}
	start := time.Now()
	if err := Run(context.Background(), []string{s.URL + "/feed.json"}, opts); err != nil {
		t.Fatal(err)
	}
	if len(failed) != 1 || failed[0] != s.URL+"/gone" {
		t.Errorf("failed %v, want only /gone", failed)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Once run took %v: it waited for the Retry-After", d)
	}
	if len(h.pages) != 1 || hits["/busy"] != 1 || hits["/gone"] != 1 {
		t.Errorf("handled %v, hits %v", h.pages, hits)
	}
	pending, _ := st.Pending(context.Background())
	if len(pending) != 1 || pending[0].URL != busy.URL+"/busy" || time.Until(pending[0].NotBefore) < 59*time.Minute {
		t.Errorf("pending %+v, want /busy for in an hour", pending)
	}
}

// TestAliases: a page that redirects and names a rel=canonical is handed
// on with both as aliases, which are then seen, so that a feed listing
// the page under either address does not queue it again.
func TestAliases(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"/short/1"}]}`)
	})
	mux.HandleFunc("/short/1", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/2025/story-1", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/2025/story-1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><link rel="canonical" href="/story-1"></head><body><p>ok</p></body></html>`)
	})
	s := httptest.NewServer(mux)
	defer s.Close()
	st := NewMemory()
	var mu sync.Mutex
	var pages []Page
	opts := testOptions(st, &collector{})
	opts.Handle = func(_ context.Context, p Page) error {
		mu.Lock()
		defer mu.Unlock()
		pages = append(pages, p)
		return nil
	}
	if err := Run(context.Background(), []string{s.URL + "/feed.json"}, opts); err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 {
		t.Fatalf("handled %d pages, want 1", len(pages))
	}
	want := fmt.Sprint([]string{s.URL + "/2025/story-1", s.URL + "/story-1"})
	if got := fmt.Sprint(pages[0].Aliases); got != want {
		t.Errorf("aliases %s, want %s", got, want)
	}
	for _, u := range pages[0].Aliases {
		if seen, _ := st.Seen(context.Background(), u); !seen {
			t.Errorf("alias %s not seen", u)
		}
	}
}

// TestNotHandled: a page the handler could not take stays pending, and
// the next run hands it on.
func TestNotHandled(t *testing.T) {
	s := newNewsSite(t)
	st := NewMemory()
	opts := testOptions(st, &collector{})
	opts.Handle = func(_ context.Context, p Page) error {
		if strings.HasSuffix(p.Item.URL, "/news/3") {
			return fmt.Errorf("store full: %w", ErrNotHandled)
		}
		return nil
	}
	if err := Run(context.Background(), []string{s.URL + "/feed.xml"}, opts); err != nil {
		t.Fatal(err)
	}
	p, _ := st.Pending(context.Background())
	if len(p) != 1 || p[0].URL != s.URL+"/news/3" {
		t.Fatalf("pending %+v, want /news/3", p)
	}
	var h collector
	if err := Run(context.Background(), nil, testOptions(st, &h)); err != nil {
		t.Fatal(err)
	}
	if len(h.pages) != 1 || h.pages[s.URL+"/news/3"] != 1 {
		t.Errorf("second run handled %v, want /news/3", h.pages)
	}
}
