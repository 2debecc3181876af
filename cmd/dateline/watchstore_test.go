package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/datelinehq/dateline/sqlite"
	"github.com/datelinehq/dateline/storetest"
)

const storeSiteArticles = 40

// storeSite is a news site whose home page announces an RSS feed of
// storeSiteArticles articles, each with its own text. Every answer for an
// article carries its edition, the count of fetches so far: an article
// stored a second time after a refetch would show as a new version.
type storeSite struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
	// listed is how many articles the feed lists, the first ones.
	listed atomic.Int64
}

func newStoreSite(t *testing.T) *storeSite {
	t.Helper()
	s := &storeSite{hits: map[string]int{}}
	s.listed.Store(storeSiteArticles)
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><title>The Wire</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><a href="/story/1">One</a></body></html>`)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>The Wire</title>`)
		for i := range int(s.listed.Load()) {
			fmt.Fprintf(w, "<item><title>Report %d</title><link>/story/%d</link><pubDate>Mon, 02 Jun 2025 %02d:00:00 GMT</pubDate></item>", i, i, i%24)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/story/{n}", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		edition := s.hits[r.URL.Path]
		s.mu.Unlock()
		n := r.PathValue("n")
		topic := "topic" + n
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><title>Report %s</title></head><body><article><h1>Report %s</h1><p>%s</p><p>%s</p><p>Mayor Anna Lindqvist told reporters in Stockholm that the plan would go ahead.</p><p>This is edition %d of the report.</p></article></body></html>`,
			n, n, storetest.Text(topic, len(n)+7), storetest.Text(topic+"b", len(n)+11), edition)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// refetched counts the fetches of articles beyond the first.
func (s *storeSite) refetched() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, h := range s.hits {
		n += h - 1
	}
	return n
}

// lockedBuffer is a bytes.Buffer a running command writes while the test
// reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// TestWatchStoreKillAndResume crawls a news site into the database,
// SIGKILLs the watch mid-crawl, stops the next run with SIGTERM, and lets
// a third finish: the store then holds every article once, with one
// version each (a page stored twice would have a second), and the crawl
// state has nothing pending.
func TestWatchStoreKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := buildDateline(t)
	site := newStoreSite(t)
	db := filepath.Join(t.TempDir(), "watch.db")
	args := []string{"watch", "-v", "--once", "--allow-private", "--rate", "20", "--db", db, site.URL + "/"}
	start := func() (*exec.Cmd, *lockedBuffer) {
		cmd := exec.Command(bin, args...)
		var stderr lockedBuffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, &stderr
	}
	// waitStored waits until the run has stored n articles.
	waitStored := func(cmd *exec.Cmd, stderr *lockedBuffer, n int) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for strings.Count(stderr.String(), "watch: stored") < n {
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("fewer than %d articles stored after 30s:\n%s", n, stderr)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}

	cmd, stderr := start()
	waitStored(cmd, stderr, 8)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	killedAt := storedStats(t, db).Articles
	if killedAt == 0 || killedAt >= storeSiteArticles {
		t.Errorf("killed at %d articles: want the first run killed mid-crawl", killedAt)
	}

	cmd, stderr = start()
	waitStored(cmd, stderr, 8)
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("after SIGTERM: %v\n%s", err, stderr)
	}
	stoppedAt := storedStats(t, db).Articles
	if stoppedAt <= killedAt || stoppedAt >= storeSiteArticles {
		t.Errorf("killed at %d articles, stopped at %d: want the second run stopped mid-crawl", killedAt, stoppedAt)
	}

	cmd, stderr = start()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("last run: %v\n%s", err, stderr)
	}
	t.Logf("killed at %d articles, stopped at %d, %d fetched again; last run: %s", killedAt, stoppedAt, site.refetched(), lastLine(stderr.String()))

	ctx := context.Background()
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != storeSiteArticles || st.Versions != storeSiteArticles || st.Copies != 0 {
		t.Errorf("store holds %+v, want %d articles with one version each", st, storeSiteArticles)
	}
	if st.Entities == 0 {
		t.Errorf("store holds no entities: the articles were not analysed")
	}
	pending, err := s.CrawlState().Pending(ctx)
	if err != nil || len(pending) != 0 {
		t.Errorf("pending after the last run: %v, %v", pending, err)
	}
	// A page is fetched again only if it was in flight when the process
	// was killed (16 workers) or stopped (2 per host, cancelled).
	if n := site.refetched(); n > 16+2 {
		t.Errorf("%d articles fetched again", n)
	}
	if !strings.Contains(stderr.String(), "0 pages pending") {
		t.Errorf("last run summary: %s", stderr)
	}
}

// TestWatchStoreFollowsFeed watches a feed that grows: the articles
// published while it runs are stored as they appear, and cancelling the
// watch (as SIGINT does) ends it cleanly.
func TestWatchStoreFollowsFeed(t *testing.T) {
	site := newStoreSite(t)
	site.listed.Store(5)
	db := filepath.Join(t.TempDir(), "follow.db")
	var stderr lockedBuffer
	e := env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &stderr}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, e, []string{"watch", "-v", "--allow-private", "--rate", "50", "--min-interval", "50ms", "--db", db, site.URL + "/feed.xml"})
	}()
	waitFor := func(n int) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for strings.Count(stderr.String(), "watch: stored") < n {
			if time.Now().After(deadline) {
				t.Fatalf("fewer than %d articles stored after 20s:\n%s", n, stderr.String())
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	waitFor(5)
	site.listed.Store(12)
	waitFor(12)
	cancel()
	select {
	case c := <-code:
		if c != 0 {
			t.Fatalf("watch: exit %d\n%s", c, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("watch did not stop within 10s of cancelling")
	}
	if st := storedStats(t, db); st.Articles != 12 || st.Versions != 12 {
		t.Errorf("store holds %+v, want 12 articles with one version each", st)
	}
	if !strings.Contains(stderr.String(), "12 added") {
		t.Errorf("summary: %s", lastLine(stderr.String()))
	}
}

// BenchmarkWatchStore crawls a local site of 500 articles into a new
// database with --once, the per-host limit out of the way: the figure is
// what extraction, analysis and storing cost a watch, model loading
// included.
//
// On the shared 2-core development machine (load average about 5):
//
//	go test -run '^$' -bench WatchStore -benchtime 1x ./cmd/dateline
//	BenchmarkWatchStore-2  1  4202682191 ns/op  119.0 articles/s
func BenchmarkWatchStore(b *testing.B) {
	const articles = 500
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel>`)
		for i := range articles {
			fmt.Fprintf(w, "<item><link>/story/%d</link></item>", i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/story/{n}", func(w http.ResponseWriter, r *http.Request) {
		n := r.PathValue("n")
		fmt.Fprintf(w, `<html><head><title>Report %s</title></head><body><article><h1>Report %s</h1><p>%s</p><p>Mayor Anna Lindqvist told reporters in Stockholm that the plan would go ahead, according to Reuters.</p><p>%s</p></article></body></html>`,
			n, n, storetest.Text("topic"+n, len(n)+7), storetest.Text("more"+n, len(n)+3))
	})
	site := httptest.NewServer(mux)
	defer site.Close()
	for b.Loop() {
		db := filepath.Join(b.TempDir(), "bench.db")
		var stderr bytes.Buffer
		e := env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &stderr}
		args := []string{"watch", "--once", "--allow-private", "--rate", "100000", "--host-concurrency", "8", "--db", db, site.URL + "/feed.xml"}
		if code := run(context.Background(), e, args); code != 0 {
			b.Fatalf("watch: exit %d: %s", code, stderr.String())
		}
		if !strings.Contains(stderr.String(), fmt.Sprintf("holds %d articles", articles)) {
			b.Fatalf("watch: %s", stderr.String())
		}
	}
	b.ReportMetric(float64(b.N*articles)/b.Elapsed().Seconds(), "articles/s")
}

func TestWatchUsage(t *testing.T) {
	e := env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	for _, args := range [][]string{
		{"watch"},
		{"watch", "--state", filepath.Join(t.TempDir(), "state"), "https://a.example/feed"},
	} {
		if code := run(context.Background(), e, args); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
