package input

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// walk runs Walk and collects the items.
func walk(t *testing.T, opts Options, args ...string) []Item {
	t.Helper()
	var items []Item
	err := Walk(context.Background(), args, opts, func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return items
}

// summary renders items as "source: body" or "source: ERROR message", one
// a line, for comparisons that read well when they fail.
func summary(items []Item) string {
	var b strings.Builder
	for _, it := range items {
		if it.Err != nil {
			fmt.Fprintf(&b, "%s: ERROR %v\n", it.Source, it.Err)
		} else {
			fmt.Fprintf(&b, "%s: %s\n", it.Source, it.Body)
		}
	}
	return b.String()
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gz(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	zw.Close()
	return buf.Bytes()
}

// checkErrors asserts that every error item names its source and is one
// line.
func checkErrors(t *testing.T, items []Item) {
	t.Helper()
	for _, it := range items {
		if it.Err == nil {
			continue
		}
		msg := it.Err.Error()
		if !strings.HasPrefix(msg, it.Source+": ") && !strings.HasPrefix(msg, strings.Split(it.Source, "#")[0]+": ") {
			t.Errorf("error %q does not start with its input %q", msg, it.Source)
		}
		if strings.ContainsAny(msg, "\r\n") {
			t.Errorf("error %q is not one line", msg)
		}
		if it.Body != nil {
			t.Errorf("%s: error item has a body", it.Source)
		}
	}
}

func TestWalkDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.html"), []byte("<p>a</p>"))
	writeFile(t, filepath.Join(dir, "b.html.gz"), []byte("\x1f\x8bnot really gzip"))
	writeFile(t, filepath.Join(dir, "c", "d.txt.gz"), gz(t, []byte("d text")))
	writeFile(t, filepath.Join(dir, "c", "e.warc"), []byte("<html>not a warc</html>"))
	writeFile(t, filepath.Join(dir, "f.txt"), []byte("f text"))
	writeFile(t, filepath.Join(dir, ".hidden"), []byte("secret"))
	writeFile(t, filepath.Join(dir, ".git", "config"), []byte("secret"))
	if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "e-dangling.html")); err != nil {
		t.Fatal(err)
	}

	items := walk(t, Options{}, dir, filepath.Join(dir, "missing"))
	checkErrors(t, items)
	got := strings.ReplaceAll(summary(items), dir, "D")
	want := `D/a.html: <p>a</p>
D/b.html.gz: ERROR D/b.html.gz: gunzip: gzip: invalid header
D/c/d.txt.gz: d text
D/c/e.warc: ERROR D/c/e.warc: not a WARC file: starts with "<html>not a warc</ht"
D/e-dangling.html: ERROR D/e-dangling.html: open: no such file or directory
D/f.txt: f text
D/missing: ERROR D/missing: stat: no such file or directory
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if !errors.Is(items[len(items)-1].Err, fs.ErrNotExist) {
		t.Errorf("got %v, want it to wrap fs.ErrNotExist", items[len(items)-1].Err)
	}
}

// withStdin runs f with os.Stdin reading data.
func withStdin(t *testing.T, data []byte, f func()) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stdin")
	writeFile(t, path, data)
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	old := os.Stdin
	os.Stdin = in
	defer func() { os.Stdin = old }()
	f()
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"html", []byte("<p>from stdin</p>"), "-: <p>from stdin</p>\n"},
		{"gzip", gz(t, []byte("zipped")), "-: zipped\n"},
		{"warc", gz(t, warcFile(t, false, htmlResponse("http://example.com/", "<p>archived</p>"))),
			"-#urn:uuid:00000000-0000-4000-8000-000000000001: <p>archived</p>\n"},
		{"too large", bytes.Repeat([]byte("x"), 100), "-: ERROR -: input too large: over 50 bytes\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withStdin(t, tt.data, func() {
				if got := summary(walk(t, Options{MaxBytes: 50}, "-")); got != tt.want {
					t.Errorf("got\n%s\nwant\n%s", got, tt.want)
				}
			})
		})
	}
}

// zeroBomb returns 1 GiB of zeros gzipped: 1024 copies of a gzip member
// holding 1 MiB of zeros, about 1 MiB in all and quick to build.
func zeroBomb(t testing.TB) []byte {
	t.Helper()
	return bytes.Repeat(gz(t, make([]byte, 1<<20)), 1024)
}

func TestGzipBombFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bomb.html.gz")
	writeFile(t, path, zeroBomb(t))
	items := walk(t, Options{MaxBytes: 2 << 20}, path)
	checkErrors(t, items)
	if len(items) != 1 || !errors.Is(items[0].Err, ErrTooLarge) {
		t.Fatalf("got %s, want one ErrTooLarge item", summary(items))
	}
}

func TestWalkStopsWhenFnFails(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.html"), []byte("a"))
	writeFile(t, filepath.Join(dir, "b.html"), []byte("b"))
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir, dir}, Options{}, func(Item) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("got %v after %d items, want stop after 1", err, n)
	}
}

func TestWalkCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Walk(ctx, []string{"x"}, Options{}, func(Item) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestPanicInFnIsTheCallers(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.html"), []byte("a"))
	defer func() {
		if p := recover(); p != "boom" {
			t.Errorf("got panic %v, want boom to reach the caller", p)
		}
	}()
	Walk(context.Background(), []string{dir}, Options{}, func(Item) error { panic("boom") })
	t.Errorf("Walk returned, want a panic")
}
