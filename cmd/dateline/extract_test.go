package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/internal/corpus"
)

// TestExtractBadInputs feeds one batch of hostile inputs around a good
// page: each bad one must get one error line naming it, the good one must
// still come out, and the exit code must say that some failed.
func TestExtractBadInputs(t *testing.T) {
	seed := corpus.Dir(t, "seed")
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zeros := make([]byte, 1<<20)
	for range 200 { // 200 MB of zeros, about 200 KB compressed
		zw.Write(zeros)
	}
	zw.Close()
	invalid := make([]byte, 4096)
	for i := range invalid {
		invalid[i] = byte(0x80 + i%0x7f)
	}
	huge := append([]byte("<html><body><p>"), bytes.Repeat([]byte("word "), 10<<20)...)
	nested := []byte("<html><body>" + strings.Repeat("<div>", 100000) + "deep</body></html>")

	bad := map[string]string{
		"empty":     write("empty.html", nil),
		"png":       write("image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")),
		"pdf":       write("doc.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")),
		"bomb":      write("bomb.html.gz", bomb.Bytes()),
		"invalid":   write("invalid.txt", invalid),
		"huge":      write("huge.html", huge),
		"nested":    write("nested.html", nested),
		"noarticle": write("menu.html", []byte(`<html><body><nav><a href="/">Home</a></nav><ul><li><a href="/a">A</a></li></ul></body></html>`)),
		"warc":      write("cut.warc", []byte("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>cut")),
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4 not a page"))
	}))
	defer srv.Close()
	bad["url"] = srv.URL + "/report.pdf"

	good := filepath.Join(seed, "alaska-summit.html")
	args := []string{"extract", "--allow-private", good}
	for _, p := range bad {
		args = append(args, p)
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), env{strings.NewReader(""), &stdout, &stderr}, args)
	if code != 1 {
		t.Errorf("exit code = %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 1 {
		for _, l := range lines {
			t.Logf("output line: %.300s", l)
		}
		t.Fatalf("got %d output lines, want 1 article", len(lines))
	}
	var a struct{ Source, Title string }
	if err := json.Unmarshal([]byte(lines[0]), &a); err != nil || a.Source != good || a.Title == "" {
		t.Errorf("good page output = %+v (%v)", a, err)
	}
	errs := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	for kind, p := range bad {
		n := 0
		for _, e := range errs {
			if strings.Contains(e, p) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d error lines name %s, want 1\nstderr:\n%s", kind, n, p, stderr.String())
		}
	}
	if len(errs) != len(bad) {
		t.Errorf("got %d error lines for %d bad inputs:\n%s", len(errs), len(bad), stderr.String())
	}
}

// TestExtractStdin reads "-" from the command's own standard input.
func TestExtractStdin(t *testing.T) {
	page, err := os.ReadFile(filepath.Join(corpus.Dir(t, "seed"), "alaska-summit.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), env{bytes.NewReader(page), &stdout, &stderr}, []string{"extract", "-"}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var a struct{ Source, Byline string }
	if err := json.Unmarshal(stdout.Bytes(), &a); err != nil || a.Source != "-" || a.Byline != "TIS Desk" {
		t.Errorf("got %+v (%v), want the seed read from stdin", a, err)
	}
}
