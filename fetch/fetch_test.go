package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// site is a test server that records every request it gets.
type site struct {
	*httptest.Server
	mu   sync.Mutex
	hits []hit
}

type hit struct {
	path   string
	at     time.Time
	header http.Header
}

// newSite serves mux, recording requests; robots.txt is a 404 unless mux
// serves it.
func newSite(t *testing.T, mux *http.ServeMux) *site {
	t.Helper()
	s := &site{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits = append(s.hits, hit{path: r.URL.RequestURI(), at: time.Now(), header: r.Header.Clone()})
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// paths returns the paths requested, in order.
func (s *site) paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, h := range s.hits {
		out = append(out, h.path)
	}
	return out
}

// hitsTo returns the requests for path.
func (s *site) hitsTo(path string) []hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []hit
	for _, h := range s.hits {
		if h.path == path {
			out = append(out, h)
		}
	}
	return out
}

// testFetcher returns a Fetcher for loopback test servers, fast to retry.
func testFetcher(t *testing.T, o Options) *Fetcher {
	t.Helper()
	o.AllowPrivate = true
	if o.BackoffBase == 0 {
		o.BackoffBase = 10 * time.Millisecond
	}
	if o.HostRate == 0 {
		o.HostRate = 1000
	}
	f := New(o)
	t.Cleanup(f.Close)
	return f
}

func page(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

// maxInWindow returns the largest number of times that fall in any window
// [t, t+width) starting at one of them.
func maxInWindow(times []time.Time, width time.Duration) int {
	best := 0
	for i, a := range times {
		n := 0
		for _, b := range times[i:] {
			if b.Sub(a) < width {
				n++
			}
		}
		best = max(best, n)
	}
	return best
}

func TestRobotsDisallowedNeverFetched(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n\nUser-agent: dateline\nDisallow: /private/\nDisallow: /*.pdf$\n")
	})
	mux.HandleFunc("/", page("<p>ok</p>"))
	s := newSite(t, mux)
	f := testFetcher(t, Options{})
	ctx := context.Background()
	for _, p := range []string{"/private/a", "/public", "/private/b?x=1", "/doc.pdf", "/public2"} {
		_, err := f.Get(ctx, Request{URL: s.URL + p})
		disallowed := strings.HasPrefix(p, "/private/") || strings.HasSuffix(p, ".pdf")
		if disallowed != errors.Is(err, ErrDisallowed) {
			t.Errorf("%s: got %v, want disallowed=%v", p, err, disallowed)
		}
	}
	want := []string{"/robots.txt", "/public", "/public2"}
	if got := s.paths(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("server saw %v, want %v", got, want)
	}
}

func TestRobotsUnavailable(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 500) })
	mux.HandleFunc("/", page("ok"))
	s := newSite(t, mux)
	f := testFetcher(t, Options{})
	if _, err := f.Get(context.Background(), Request{URL: s.URL + "/a"}); !errors.Is(err, ErrDisallowed) {
		t.Errorf("got %v, want ErrDisallowed while robots.txt fails", err)
	}
	if n := len(s.hitsTo("/a")); n != 0 {
		t.Errorf("page fetched %d times while robots.txt failed", n)
	}
}

func TestCrawlDelay(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nCrawl-delay: 0.2\n")
	})
	mux.HandleFunc("/", page("ok"))
	s := newSite(t, mux)
	f := testFetcher(t, Options{HostConcurrency: 4})
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			if _, err := f.Get(context.Background(), Request{URL: fmt.Sprintf("%s/p%d", s.URL, i)}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	hits := s.hits[1:]
	for i := 1; i < len(hits); i++ {
		if gap := hits[i].at.Sub(hits[i-1].at); gap < 190*time.Millisecond {
			t.Errorf("requests %d and %d %v apart, want >= Crawl-delay 200ms", i-1, i, gap)
		}
	}
}

func TestHostRateLimit(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", page("ok"))
	a, b := newSite(t, mux), newSite(t, mux)
	const rate = 20
	f := testFetcher(t, Options{HostRate: rate, HostConcurrency: 4, IgnoreRobots: true})
	var wg sync.WaitGroup
	start := time.Now()
	for i := range 30 {
		for _, s := range []*site{a, b} {
			wg.Go(func() {
				if _, err := f.Get(context.Background(), Request{URL: fmt.Sprintf("%s/p%d", s.URL, i)}); err != nil {
					t.Error(err)
				}
			})
		}
	}
	wg.Wait()
	took := time.Since(start)
	for _, s := range []*site{a, b} {
		var times []time.Time
		for _, h := range s.hits {
			times = append(times, h.at)
		}
		if n := maxInWindow(times, time.Second); n > rate {
			t.Errorf("%d requests to one host within a second, limit %d", n, rate)
		}
	}
	// Two hosts are served in parallel: 30 requests each at 20/s, less 5%.
	if took < 1450*time.Millisecond || took > 4*time.Second {
		t.Errorf("took %v, want about 1.5s", took)
	}
}

func TestRetryAfter(t *testing.T) {
	var n atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		page("ok")(w, r)
	})
	mux.HandleFunc("/long", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
	})
	s := newSite(t, mux)
	f := testFetcher(t, Options{IgnoreRobots: true})
	resp, err := f.Get(context.Background(), Request{URL: s.URL + "/busy"})
	if err != nil || string(resp.Body) != "ok" {
		t.Fatalf("got %v, want ok after retrying", err)
	}
	hits := s.hitsTo("/busy")
	if len(hits) != 2 || hits[1].at.Sub(hits[0].at) < 990*time.Millisecond {
		t.Errorf("got %d requests, second after %v; want 2, >= 1s apart", len(hits), hits[1].at.Sub(hits[0].at))
	}
	_, err = f.Get(context.Background(), Request{URL: s.URL + "/long"})
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 503 || se.RetryAfter != time.Hour {
		t.Errorf("got %v, want a 503 StatusError with RetryAfter 1h", err)
	}
	if n := len(s.hitsTo("/long")); n != 1 {
		t.Errorf("long Retry-After: %d requests, want 1 (the caller reschedules)", n)
	}
	// The host is now paused for an hour: nothing more is sent to it.
	_, err = f.Get(context.Background(), Request{URL: s.URL + "/busy"})
	var pe *PausedError
	if !errors.As(err, &pe) || time.Until(pe.Until) < 59*time.Minute {
		t.Errorf("request to a paused host: got %v, want a PausedError for an hour", err)
	}
	if n := len(s.hitsTo("/busy")); n != 2 {
		t.Errorf("paused host got %d more requests", n-2)
	}
}

func TestBackoffOnErrors(t *testing.T) {
	var n atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= 2 {
			http.Error(w, "oops", http.StatusBadGateway)
			return
		}
		page("ok")(w, r)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", 404) })
	s := newSite(t, mux)
	f := testFetcher(t, Options{IgnoreRobots: true, BackoffBase: 50 * time.Millisecond})
	if _, err := f.Get(context.Background(), Request{URL: s.URL + "/flaky"}); err != nil {
		t.Fatal(err)
	}
	hits := s.hitsTo("/flaky")
	if len(hits) != 3 {
		t.Fatalf("got %d requests, want 3", len(hits))
	}
	// Equal jitter: the waits are at least 25ms, then 50ms.
	if d1, d2 := hits[1].at.Sub(hits[0].at), hits[2].at.Sub(hits[1].at); d1 < 25*time.Millisecond || d2 < 50*time.Millisecond {
		t.Errorf("retries after %v and %v, want >= 25ms and >= 50ms", d1, d2)
	}
	_, err := f.Get(context.Background(), Request{URL: s.URL + "/gone"})
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 404 || len(s.hitsTo("/gone")) != 1 {
		t.Errorf("got %v after %d requests, want one 404", err, len(s.hitsTo("/gone")))
	}
}

func TestSlowServer(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/slow-header", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 50 {
			fmt.Fprint(w, "<p>drip</p>")
			w.(http.Flusher).Flush()
			select {
			case <-time.After(100 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
	})
	s := newSite(t, mux)
	f := testFetcher(t, Options{IgnoreRobots: true, Timeout: 300 * time.Millisecond, Retries: -1})
	for _, p := range []string{"/slow-header", "/slow-body"} {
		start := time.Now()
		_, err := f.Get(context.Background(), Request{URL: s.URL + p})
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s: got %v, want a deadline error", p, err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: took %v with a 300ms timeout", p, d)
		}
	}
}

func TestHugeBodyCut(t *testing.T) {
	const huge = 100 << 20
	var written atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		// Generated lazily: 100 MB are never held in memory.
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>lorem ipsum</p>\n"), 1<<12)
		for written.Load() < huge {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(huge))
		w.Write([]byte("x"))
	})
	s := newSite(t, mux)
	const limit = 1 << 20
	f := testFetcher(t, Options{IgnoreRobots: true, MaxBytes: limit})
	if _, err := f.Get(context.Background(), Request{URL: s.URL + "/declared"}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("declared Content-Length over the cap: got %v, want ErrTooLarge", err)
	}
	start := time.Now()
	_, err := f.Get(context.Background(), Request{URL: s.URL + "/huge"})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
	s.Close() // waits for the handler to see the closed connection
	// The client stops at the cap; what the server got out beyond it sat
	// in socket buffers.
	if w := written.Load(); w > limit+16<<20 {
		t.Errorf("server wrote %d bytes, want the transfer cut near %d", w, limit)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestDecompressionBomb(t *testing.T) {
	var bomb, small bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write(make([]byte, 8<<20))
	zw.Close()
	zw = gzip.NewWriter(&small)
	zw.Write([]byte("<p>hello</p>"))
	zw.Close()
	serve := func(b []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(b)
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/bomb", serve(bomb.Bytes()))
	mux.HandleFunc("/small", serve(small.Bytes()))
	mux.HandleFunc("/sitemap.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-gzip")
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(`<?xml version="1.0"?><urlset></urlset>`))
		zw.Close()
		w.Write(b.Bytes())
	})
	s := newSite(t, mux)
	f := testFetcher(t, Options{IgnoreRobots: true, MaxBytes: 1 << 20})
	if _, err := f.Get(context.Background(), Request{URL: s.URL + "/bomb"}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("bomb (%d bytes, 8 MiB inflated): got %v, want ErrTooLarge", bomb.Len(), err)
	}
	resp, err := f.Get(context.Background(), Request{URL: s.URL + "/small"})
	if err != nil || string(resp.Body) != "<p>hello</p>" {
		t.Errorf("gzip body: got %v, %q", err, resp.Body)
	}
	resp, err = f.Get(context.Background(), Request{URL: s.URL + "/sitemap.xml.gz"})
	if err != nil || !bytes.HasPrefix(resp.Body, []byte("<?xml")) {
		t.Errorf("gzip file: got %v, %q", err, resp.Body)
	}
}

func TestRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", 302) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", 301) })
	mux.HandleFunc("/chain/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), 307)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/final#frag", 308) })
	mux.HandleFunc("/final", page("final"))
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "ftp://x/", 302) })
	s := newSite(t, mux)
	f := testFetcher(t, Options{IgnoreRobots: true})
	ctx := context.Background()
	if _, err := f.Get(ctx, Request{URL: s.URL + "/loop/a"}); !errors.Is(err, ErrRedirect) {
		t.Errorf("loop: got %v, want ErrRedirect", err)
	}
	if n := len(s.hitsTo("/loop/a")); n != 1 {
		t.Errorf("loop: /loop/a fetched %d times, want 1", n)
	}
	if _, err := f.Get(ctx, Request{URL: s.URL + "/chain/0"}); !errors.Is(err, ErrRedirect) {
		t.Errorf("chain: got %v, want ErrRedirect", err)
	}
	if n := len(s.paths()) - 2; n != 11 {
		t.Errorf("chain: %d requests, want 11 (the first and 10 redirects)", n)
	}
	resp, err := f.Get(ctx, Request{URL: s.URL + "/moved"})
	if err != nil || resp.URL != s.URL+"/final" || string(resp.Body) != "final" {
		t.Errorf("moved: got %v, %+v", err, resp)
	}
	if _, err := f.Get(ctx, Request{URL: s.URL + "/ftp"}); !errors.Is(err, ErrRedirect) {
		t.Errorf("ftp: got %v, want ErrRedirect", err)
	}
}

func TestConditionalGet(t *testing.T) {
	const etag, lastMod = `"v1"`, "Tue, 03 Jun 2025 09:00:00 GMT"
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<rss/>")
	})
	s := newSite(t, mux)
	f := testFetcher(t, Options{IgnoreRobots: true})
	first, err := f.Get(context.Background(), Request{URL: s.URL + "/feed"})
	if err != nil || first.ETag != etag || first.LastModified != lastMod || first.NotModified {
		t.Fatalf("first: got %v, %+v", err, first)
	}
	second, err := f.Get(context.Background(), Request{URL: s.URL + "/feed", ETag: first.ETag, LastModified: first.LastModified})
	if err != nil || !second.NotModified || second.Body != nil {
		t.Fatalf("second: got %v, %+v; want NotModified", err, second)
	}
	h := s.hitsTo("/feed")[1].header
	if h.Get("If-None-Match") != etag || h.Get("If-Modified-Since") != lastMod {
		t.Errorf("second request sent If-None-Match %q, If-Modified-Since %q", h.Get("If-None-Match"), h.Get("If-Modified-Since"))
	}
}

func TestRefusals(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/img", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/", page("ok"))
	s := newSite(t, mux)
	f := testFetcher(t, Options{IgnoreRobots: true, Contact: "ops@example.org"})
	if _, err := f.Get(context.Background(), Request{URL: s.URL + "/img"}); !errors.Is(err, ErrContentType) {
		t.Errorf("image: got %v, want ErrContentType", err)
	}
	if _, err := f.Get(context.Background(), Request{URL: s.URL + "/"}); err != nil {
		t.Fatal(err)
	}
	ua := s.hitsTo("/")[0].header.Get("User-Agent")
	if !strings.HasPrefix(ua, "dateline/") || !strings.Contains(ua, "ops@example.org") {
		t.Errorf("User-Agent %q, want dateline with the contact", ua)
	}
	public := New(Options{Retries: -1}) // AllowPrivate false: loopback refused
	defer public.Close()
	if _, err := public.Get(context.Background(), Request{URL: s.URL + "/"}); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("loopback without AllowPrivate: got %v, want ErrPrivateAddress", err)
	}
}
