package warccheck

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline/fetch"
	"github.com/nlnwa/gowarc"
)

// TestGowarcReadsDatelineWARCs fetches pages through a Fetcher recording
// to an Archive, then reads every file back with gowarc.
func TestGowarcReadsDatelineWARCs(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<p>gzipped</p>"))
	zw.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gz.Bytes())
	})
	mux.HandleFunc("/page/{n}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><body><p>page %s é</p></body></html>", r.PathValue("n"))
	})
	s := httptest.NewServer(mux)
	defer s.Close()

	dir := t.TempDir()
	a, err := fetch.OpenArchive(dir, 2<<10)
	if err != nil {
		t.Fatal(err)
	}
	f := fetch.New(fetch.Options{AllowPrivate: true, HostRate: 1000, Archive: a})
	defer f.Close()
	want := map[string][]byte{}
	for _, p := range []string{"/page/1", "/page/2", "/page/3", "/gz", "/page/4"} {
		resp, err := f.Get(context.Background(), fetch.Request{URL: s.URL + p})
		if err != nil {
			t.Fatal(err)
		}
		want[s.URL+p] = resp.Body
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.warc.gz"))
	if len(files) < 2 {
		t.Fatalf("got %d files, want several", len(files))
	}
	counts := map[gowarc.RecordType]int{}
	got := map[string][]byte{}
	for _, name := range files {
		r, err := gowarc.NewWarcFileReader(name, 0, gowarc.WithStrictValidation())
		if err != nil {
			t.Fatal(err)
		}
		for {
			rec, _, validation, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", filepath.Base(name), err)
			}
			if !validation.Valid() {
				t.Errorf("%s: %s", rec.RecordId(), validation)
			}
			counts[rec.Type()]++
			if rec.Type() == gowarc.Response {
				uri := rec.WarcHeader().Get(gowarc.WarcTargetURI)
				if hb, ok := rec.Block().(gowarc.HttpResponseBlock); ok {
					if code := hb.HttpStatusCode(); code != 200 && !(code == 404 && uri == s.URL+"/robots.txt") {
						t.Errorf("%s: status %d", uri, code)
					}
					if hb.HttpHeader().Get("Content-Encoding") == "" {
						pr, err := hb.PayloadBytes()
						if err != nil {
							t.Fatal(err)
						}
						got[uri], _ = io.ReadAll(pr)
					} else {
						got[uri] = want[uri] // stored compressed, as sent
					}
				} else {
					t.Errorf("%s: block is %T, want an HTTP response", uri, rec.Block())
				}
			}
			v := &gowarc.Validation{}
			if err := rec.ValidateDigest(v); err != nil || !v.Valid() {
				t.Errorf("%s: digest: %v %s", rec.RecordId(), err, v)
			}
		}
		r.Close()
	}
	// Five pages plus the robots.txt 404.
	if counts[gowarc.Response] != 6 || counts[gowarc.Request] != 6 || counts[gowarc.Warcinfo] != len(files) {
		t.Errorf("record counts %v", counts)
	}
	for uri, body := range want {
		if !bytes.Equal(got[uri], body) {
			t.Errorf("%s: gowarc read %q, fetched %q", uri, got[uri], body)
		}
	}
}
