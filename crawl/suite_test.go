package crawl_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline/crawl"
	"github.com/datelinehq/dateline/crawl/crawltest"
)

func TestMemory(t *testing.T) {
	crawltest.State(t, func(*testing.T) crawl.State { return crawl.NewMemory() })
}

func TestFile(t *testing.T) {
	crawltest.State(t, func(t *testing.T) crawl.State { return openFile(t, filepath.Join(t.TempDir(), "state")) })
	path := filepath.Join(t.TempDir(), "state")
	crawltest.Durable(t, func(t *testing.T) crawl.State { return openFile(t, path) })
}

func openFile(t *testing.T, path string) *crawl.File {
	t.Helper()
	st, err := crawl.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestFileTornLine: a process killed mid-write leaves a torn last line,
// which the next open drops, rewriting the journal without it.
func TestFileTornLine(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "state")
	st := openFile(t, path)
	st.Add(ctx, []crawl.Item{{URL: "http://a/1"}, {URL: "http://a/2"}, {URL: "http://a/3"}})
	st.Done(ctx, "http://a/1")
	st.Close()

	fh, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	fh.WriteString(`{"done":"http://a/3`)
	fh.Close()
	st = openFile(t, path)
	p, _ := st.Pending(ctx)
	if len(p) != 2 || p[0].URL != "http://a/2" || p[1].URL != "http://a/3" {
		t.Errorf("reopened pending: got %+v", p)
	}
	if seen, _ := st.Seen(ctx, "http://a/1"); !seen {
		t.Errorf("done URL not seen after reopening")
	}
	data, _ := os.ReadFile(path)
	if data[len(data)-1] != '\n' {
		t.Errorf("journal not compacted: ends %q", data[len(data)-20:])
	}
}
