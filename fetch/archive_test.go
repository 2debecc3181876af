package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/warc"
)

func TestArchive(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<p>compressed page</p>"))
	zw.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gz.Bytes())
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<p>page %s %s</p>", r.URL.Path, strings.Repeat("x", 3000))
	})
	s := newSite(t, mux)
	dir := t.TempDir()
	a, err := OpenArchive(dir, 1<<10) // small, to rotate
	if err != nil {
		t.Fatal(err)
	}
	f := testFetcher(t, Options{Archive: a})
	want := map[string]string{} // target URI -> decoded body
	for _, p := range []string{"/a", "/b", "/c", "/d", "/e", "/gz"} {
		resp, err := f.Get(context.Background(), Request{URL: s.URL + p})
		if err != nil {
			t.Fatal(err)
		}
		want[s.URL+p] = string(resp.Body)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	files := a.Files()
	if len(files) < 2 {
		t.Fatalf("got %d files, want rotation into several", len(files))
	}
	got := map[string]string{}
	requests, infos := 0, 0
	responseIDs := map[string]bool{}
	for _, name := range files {
		fh, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		r := warc.NewReader(fh)
		for {
			rec, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			switch rec.Type {
			case warc.TypeWarcinfo:
				infos++
			case warc.TypeRequest:
				requests++
				if !responseIDs[strings.Trim(rec.Header.Get("WARC-Concurrent-To"), "<>")] {
					t.Errorf("request record for %s not linked to its response", rec.TargetURI)
				}
			case warc.TypeResponse:
				responseIDs[rec.ID] = true
				if rec.Header.Get("WARC-IP-Address") != "127.0.0.1" {
					t.Errorf("WARC-IP-Address %q", rec.Header.Get("WARC-IP-Address"))
				}
				resp, err := warc.ReadResponse(rec.Body)
				if err != nil {
					t.Fatal(err)
				}
				body, err := resp.DecodedBody()
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(body)
				got[rec.TargetURI] = string(b)
			}
		}
		fh.Close()
	}
	if infos != len(files) {
		t.Errorf("%d warcinfo records in %d files", infos, len(files))
	}
	// robots.txt (a 404) is archived too.
	if requests != len(want)+1 || len(got) != len(want)+1 {
		t.Errorf("got %d requests and %d responses, want %d", requests, len(got), len(want)+1)
	}
	for uri, body := range want {
		if got[uri] != body {
			t.Errorf("%s: archived %q, fetched %q", uri, got[uri], body)
		}
	}
}
