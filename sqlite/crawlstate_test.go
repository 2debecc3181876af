package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/crawl"
	"github.com/datelinehq/dateline/crawl/crawltest"
	"github.com/datelinehq/dateline/sqlite"
	"github.com/datelinehq/dateline/storetest"
)

func openStore(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestCrawlState(t *testing.T) {
	crawltest.State(t, func(t *testing.T) crawl.State {
		return openStore(t, filepath.Join(t.TempDir(), "crawl.db")).CrawlState()
	})
	path := filepath.Join(t.TempDir(), "durable.db")
	crawltest.Durable(t, func(t *testing.T) crawl.State {
		return openStore(t, path).CrawlState()
	})
}

// TestCrawlStatePut stores a page and marks it done in one go: it is
// then stored and no longer pending, and a replay of the same page
// changes nothing.
func TestCrawlStatePut(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, filepath.Join(t.TempDir(), "put.db"))
	st := s.CrawlState()
	if _, err := st.Add(ctx, []crawl.Item{{URL: "https://a.example/1"}, {URL: "https://a.example/2"}}); err != nil {
		t.Fatal(err)
	}
	d := storetest.Doc("https://a.example/1", "One", storetest.Text("one", 1))
	res, err := st.Put(ctx, d, "https://a.example/1", "https://a.example/one-alias")
	if err != nil || res.Outcome != dateline.Added {
		t.Fatalf("put: got %+v, %v; want added", res, err)
	}
	p, _ := st.Pending(ctx)
	if len(p) != 1 || p[0].URL != "https://a.example/2" {
		t.Errorf("pending after put: %+v", p)
	}
	if seen, _ := st.Seen(ctx, "https://a.example/one-alias"); !seen {
		t.Errorf("alias not seen after put")
	}
	if res, err := st.Put(ctx, d, "https://a.example/1"); err != nil || res.Outcome != dateline.Unchanged {
		t.Errorf("replayed put: got %+v, %v; want unchanged", res, err)
	}
	if _, err := st.Put(ctx, &dateline.Document{}, "https://a.example/2"); !errors.Is(err, dateline.ErrInvalid) {
		t.Errorf("put of an empty document: got %v, want ErrInvalid", err)
	}
	if p, _ := st.Pending(ctx); len(p) != 1 {
		t.Errorf("a refused put marked its URL done: pending %+v", p)
	}
	stats, err := s.Stats(ctx)
	if err != nil || stats.Articles != 1 || stats.Versions != 1 {
		t.Errorf("stats: got %+v, %v; want one article, one version", stats, err)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}
