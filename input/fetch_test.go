package input

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// newServer serves the fixture routes of the fetch tests on loopback.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<p>page</p>")
	})
	mux.HandleFunc("/ua", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, r.UserAgent())
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/chain/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/doc.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4")
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // no header at all
		fmt.Fprint(w, "<!DOCTYPE html><p>sniffed</p>")
	})
	mux.HandleFunc("/untyped.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		fmt.Fprint(w, "\x89PNG\r\n\x1a\n")
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) {
		http.NotFound(w, r)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "5000")
		fmt.Fprint(w, strings.Repeat("x", 5000))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < 50; i++ {
			fmt.Fprint(w, strings.Repeat("x", 100))
			w.(http.Flusher).Flush() // no Content-Length: the cap must cut the stream
		}
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		gzipped(w, r, []byte("<p>compressed</p>"))
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		gzipped(w, r, make([]byte, 16<<20))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func gzipped(w http.ResponseWriter, r *http.Request, body []byte) {
	if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		http.Error(w, "gzip expected", http.StatusNotAcceptable)
		return
	}
	w.Header().Set("Content-Type", "text/html")
	w.Header().Set("Content-Encoding", "gzip")
	zw := gzip.NewWriter(w)
	zw.Write(body)
	zw.Close()
}

func TestFetch(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		path    string
		opts    Options
		want    string // body, or the error after "URL: "
		wantURL string // final URL, path only
		wantIs  error
	}{
		{path: "/page", want: "<p>page</p>", wantURL: "/page"},
		{path: "/moved", want: "<p>page</p>", wantURL: "/page"},
		{path: "/gzip", want: "<p>compressed</p>", wantURL: "/gzip"},
		{path: "/untyped", want: "<!DOCTYPE html><p>sniffed</p>", wantURL: "/untyped"},
		{path: "/ua", want: DefaultUserAgent, wantURL: "/ua"},
		{path: "/ua", opts: Options{UserAgent: "test-agent/1"}, want: "test-agent/1", wantURL: "/ua"},
		{path: "/loop", want: "redirect refused: redirect loop back to " + srv.URL + "/loop"},
		{path: "/to-file", want: "redirect refused: redirect to a file: URL"},
		{path: "/chain/0", want: "redirect refused: stopped after 10 redirects"},
		{path: "/doc.pdf", want: "not an HTML page (application/pdf)", wantIs: ErrNotPage},
		{path: "/untyped.png", want: "not an HTML page (image/png, sniffed)", wantIs: ErrNotPage},
		{path: "/missing", want: "HTTP 404 Not Found"},
		{path: "/big", opts: Options{MaxBytes: 1000}, want: "input too large: Content-Length 5000, over 1000", wantIs: ErrTooLarge},
		{path: "/big-chunked", opts: Options{MaxBytes: 1000}, want: "reading body: input too large: over 1000 bytes", wantIs: ErrTooLarge},
		{path: "/bomb", opts: Options{MaxBytes: 1 << 20}, want: "reading body: input too large: over 1048576 bytes", wantIs: ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			tt.opts.AllowPrivate = true
			url := srv.URL + tt.path
			items := walk(t, tt.opts, url)
			checkErrors(t, items)
			if len(items) != 1 {
				t.Fatalf("got %d items, want 1", len(items))
			}
			it := items[0]
			if it.Source != url {
				t.Errorf("got Source %q, want %q", it.Source, url)
			}
			if it.Err != nil {
				if got := strings.TrimPrefix(it.Err.Error(), url+": "); got != tt.want {
					t.Errorf("got error %q, want %q", got, tt.want)
				}
				if tt.wantIs != nil && !errors.Is(it.Err, tt.wantIs) {
					t.Errorf("got %v, want it to wrap %v", it.Err, tt.wantIs)
				}
				return
			}
			if string(it.Body) != tt.want || it.URL != srv.URL+tt.wantURL {
				t.Errorf("got %q from %s, want %q from %s", it.Body, it.URL, tt.want, srv.URL+tt.wantURL)
			}
		})
	}
}

func TestFetchRefusesLoopback(t *testing.T) {
	srv := newServer(t)
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	urls := []string{
		srv.URL + "/page",
		"http://localhost:" + port + "/page", // refused after DNS resolution
		"http://[::ffff:127.0.0.1]:" + port + "/page",
	}
	items := walk(t, Options{}, urls...)
	checkErrors(t, items)
	if len(items) != len(urls) {
		t.Fatalf("got %d items, want %d", len(items), len(urls))
	}
	for _, it := range items {
		if !errors.Is(it.Err, ErrPrivateAddress) {
			t.Errorf("%s: got %v, want ErrPrivateAddress", it.Source, it.Err)
			continue
		}
		if !strings.Contains(it.Err.Error(), "refusing to connect to ") || !strings.Contains(it.Err.Error(), "(loopback address)") {
			t.Errorf("got %q, want a plain refusal", it.Err)
		}
	}
	t.Log(summary(items))
}

func TestFetchBadURL(t *testing.T) {
	items := walk(t, Options{}, "http://", "https://exa mple.com/")
	checkErrors(t, items)
	for _, it := range items {
		if it.Err == nil {
			t.Errorf("%s: got a page, want an error", it.Source)
		}
	}
	t.Log(summary(items))
}

func TestFetchCancelled(t *testing.T) {
	srv := newServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	err := Walk(ctx, []string{srv.URL + "/page", srv.URL + "/page"}, Options{AllowPrivate: true}, func(Item) error {
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}
