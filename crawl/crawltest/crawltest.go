// Package crawltest is the behaviour every crawl.State must have, as a
// suite each implementation runs from its own tests: crawl's Memory and
// File, and the SQLite state kept beside the articles.
package crawltest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/datelinehq/dateline/crawl"
)

// State runs the suite on states made by open, a fresh empty one for each
// subtest. open registers any cleanup it needs with t.
func State(t *testing.T, open func(t *testing.T) crawl.State) {
	t.Run("feeds", func(t *testing.T) { feeds(t, open(t)) })
	t.Run("frontier", func(t *testing.T) { frontier(t, open(t)) })
	t.Run("done", func(t *testing.T) { done(t, open(t)) })
	t.Run("concurrent", func(t *testing.T) { concurrent(t, open(t)) })
	t.Run("errors", func(t *testing.T) { failures(t, open(t)) })
}

func feeds(t *testing.T, st crawl.State) {
	ctx := context.Background()
	if _, err := st.Feed(ctx, "http://a/feed"); !errors.Is(err, crawl.ErrNotFound) {
		t.Errorf("unknown feed: got %v, want ErrNotFound", err)
	}
	f := crawl.FeedState{
		URL: "http://a/feed", Origin: "http://a/", ETag: `"x"`, LastModified: "Mon, 02 Jun 2025 10:00:00 GMT",
		LastPoll: time.Unix(100, 5).UTC(), NextPoll: time.Unix(700, 0).UTC(),
		Interval: 10 * time.Minute, Rate: 1.5, Polls: 3, Failures: 1,
	}
	if err := st.PutFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	if got, err := st.Feed(ctx, f.URL); err != nil || !sameFeed(got, f) {
		t.Errorf("feed: got %+v, %v; want %+v", got, err, f)
	}
	f.ETag, f.Failures = `"y"`, 0
	if err := st.PutFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	if err := st.PutFeed(ctx, crawl.FeedState{URL: "http://b/rss"}); err != nil {
		t.Fatal(err)
	}
	all, err := st.Feeds(ctx)
	if err != nil || len(all) != 2 {
		t.Fatalf("feeds: got %+v, %v; want 2", all, err)
	}
	for _, g := range all {
		if g.URL == f.URL && !sameFeed(g, f) {
			t.Errorf("feed after PutFeed again: got %+v, want %+v", g, f)
		}
	}
}

func sameFeed(a, b crawl.FeedState) bool {
	return a.URL == b.URL && a.Origin == b.Origin && a.ETag == b.ETag && a.LastModified == b.LastModified &&
		a.LastPoll.Equal(b.LastPoll) && a.NextPoll.Equal(b.NextPoll) && a.Interval == b.Interval &&
		a.Rate == b.Rate && a.Polls == b.Polls && a.Failures == b.Failures
}

func frontier(t *testing.T, st crawl.State) {
	ctx := context.Background()
	pub := time.Date(2025, 6, 2, 10, 0, 0, 0, time.UTC)
	added, err := st.Add(ctx, []crawl.Item{{URL: "http://a/1", Feed: "http://a/feed", Title: "One", Published: pub}, {URL: "http://a/2"}, {URL: "http://a/1"}})
	if err != nil || len(added) != 2 || added[0].URL != "http://a/1" || added[1].URL != "http://a/2" {
		t.Fatalf("add: got %v, %v; want a/1 and a/2", added, err)
	}
	if added, _ := st.Add(ctx, []crawl.Item{{URL: "http://a/2"}, {URL: "http://a/3"}}); len(added) != 1 || added[0].URL != "http://a/3" {
		t.Errorf("add again: got %v, want only a/3", added)
	}
	if added, err := st.Add(ctx, nil); err != nil || len(added) != 0 {
		t.Errorf("add nothing: got %v, %v", added, err)
	}
	if isNew, err := st.See(ctx, "http://a/alias"); err != nil || !isNew {
		t.Errorf("see: got %v, %v; want new", isNew, err)
	}
	if isNew, _ := st.See(ctx, "http://a/alias"); isNew {
		t.Errorf("see again: got new")
	}
	if isNew, _ := st.See(ctx, "http://a/3"); isNew {
		t.Errorf("see of a pending URL: got new")
	}
	for _, u := range []string{"http://a/alias", "http://a/1", "http://a/3"} {
		if seen, err := st.Seen(ctx, u); err != nil || !seen {
			t.Errorf("seen %s: got %v, %v", u, seen, err)
		}
	}
	if seen, _ := st.Seen(ctx, "http://a/never"); seen {
		t.Errorf("seen of an unknown URL: got true")
	}
	if added, _ := st.Add(ctx, []crawl.Item{{URL: "http://a/alias"}}); len(added) != 0 {
		t.Errorf("a seen alias was queued")
	}
	later := crawl.Item{URL: "http://a/2", Attempts: 1, NotBefore: time.Unix(200, 0).UTC()}
	if err := st.Retry(ctx, later); err != nil {
		t.Fatal(err)
	}
	p, err := st.Pending(ctx)
	if err != nil || len(p) != 3 {
		t.Fatalf("pending: got %+v, %v; want 3", p, err)
	}
	// A retried item keeps its place in the order added.
	if p[0].URL != "http://a/1" || p[0].Title != "One" || !p[0].Published.Equal(pub) || p[0].Feed != "http://a/feed" {
		t.Errorf("pending[0]: got %+v", p[0])
	}
	if p[1].URL != later.URL || p[1].Attempts != 1 || !p[1].NotBefore.Equal(later.NotBefore) {
		t.Errorf("pending[1]: got %+v, want %+v", p[1], later)
	}
	if p[2].URL != "http://a/3" {
		t.Errorf("pending[2]: got %+v", p[2])
	}
}

func done(t *testing.T, st crawl.State) {
	ctx := context.Background()
	if _, err := st.Add(ctx, []crawl.Item{{URL: "http://a/1"}, {URL: "http://a/2"}}); err != nil {
		t.Fatal(err)
	}
	if err := st.Done(ctx, "http://a/1"); err != nil {
		t.Fatal(err)
	}
	// Done again, as recovery replays it: not an error.
	if err := st.Done(ctx, "http://a/1"); err != nil {
		t.Errorf("done twice: %v", err)
	}
	if err := st.Retry(ctx, crawl.Item{URL: "http://a/1"}); !errors.Is(err, crawl.ErrNotFound) {
		t.Errorf("retry of a done item: got %v, want ErrNotFound", err)
	}
	// An unseen URL marked done becomes seen and is never queued.
	if err := st.Done(ctx, "http://a/elsewhere"); err != nil {
		t.Fatal(err)
	}
	if seen, _ := st.Seen(ctx, "http://a/elsewhere"); !seen {
		t.Errorf("a URL marked done is not seen")
	}
	if added, _ := st.Add(ctx, []crawl.Item{{URL: "http://a/1"}, {URL: "http://a/elsewhere"}}); len(added) != 0 {
		t.Errorf("done URLs queued again: %v", added)
	}
	p, err := st.Pending(ctx)
	if err != nil || len(p) != 1 || p[0].URL != "http://a/2" {
		t.Errorf("pending: got %+v, %v; want a/2 only", p, err)
	}
}

// concurrent adds overlapping batches from many goroutines: every URL is
// added exactly once in all.
func concurrent(t *testing.T, st crawl.State) {
	ctx := context.Background()
	const workers, urls = 8, 200
	var mu sync.Mutex
	got := map[string]int{}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var batch []crawl.Item
			for i := range urls {
				batch = append(batch, crawl.Item{URL: fmt.Sprintf("http://h%d/%d", (i+w)%3, i)})
				if len(batch) == 25 {
					added, err := st.Add(ctx, batch)
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					for _, it := range added {
						got[it.URL]++
					}
					mu.Unlock()
					batch = nil
				}
			}
		})
	}
	wg.Wait()
	distinct := map[string]bool{}
	for w := range workers {
		for i := range urls {
			distinct[fmt.Sprintf("http://h%d/%d", (i+w)%3, i)] = true
		}
	}
	if len(got) != len(distinct) {
		t.Errorf("added %d URLs, want %d", len(got), len(distinct))
	}
	for u, n := range got {
		if n != 1 {
			t.Errorf("%s added %d times", u, n)
		}
	}
	if p, err := st.Pending(ctx); err != nil || len(p) != len(distinct) {
		t.Errorf("pending: %d, %v; want %d", len(p), err, len(distinct))
	}
}

func failures(t *testing.T, st crawl.State) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := st.Pending(cancelled); !errors.Is(err, context.Canceled) {
		t.Errorf("pending with a cancelled context: got %v", err)
	}
	if _, err := st.Add(cancelled, []crawl.Item{{URL: "http://a/1"}}); !errors.Is(err, context.Canceled) {
		t.Errorf("add with a cancelled context: got %v", err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := st.Pending(ctx); !errors.Is(err, crawl.ErrClosed) {
		t.Errorf("pending after close: got %v, want ErrClosed", err)
	}
	if err := st.Done(ctx, "http://a/1"); !errors.Is(err, crawl.ErrClosed) {
		t.Errorf("done after close: got %v, want ErrClosed", err)
	}
	if err := st.PutFeed(ctx, crawl.FeedState{URL: "http://a/feed"}); !errors.Is(err, crawl.ErrClosed) {
		t.Errorf("put feed after close: got %v, want ErrClosed", err)
	}
}

// Durable checks that what a state records survives closing it and
// opening it again: open returns the state kept at one place each time.
func Durable(t *testing.T, open func(t *testing.T) crawl.State) {
	ctx := context.Background()
	st := open(t)
	f := crawl.FeedState{URL: "http://a/feed", ETag: `"x"`, NextPoll: time.Unix(100, 0).UTC()}
	if err := st.PutFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Add(ctx, []crawl.Item{{URL: "http://a/1"}, {URL: "http://a/2"}, {URL: "http://a/3"}}); err != nil {
		t.Fatal(err)
	}
	st.See(ctx, "http://a/alias")
	st.Done(ctx, "http://a/1")
	st.Retry(ctx, crawl.Item{URL: "http://a/2", Attempts: 2})
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	st = open(t)
	defer st.Close()
	p, err := st.Pending(ctx)
	if err != nil || len(p) != 2 || p[0].URL != "http://a/2" || p[0].Attempts != 2 || p[1].URL != "http://a/3" {
		t.Errorf("pending after reopening: got %+v, %v", p, err)
	}
	for _, u := range []string{"http://a/1", "http://a/alias"} {
		if seen, _ := st.Seen(ctx, u); !seen {
			t.Errorf("%s not seen after reopening", u)
		}
	}
	if got, err := st.Feed(ctx, f.URL); err != nil || got.ETag != f.ETag || !got.NextPoll.Equal(f.NextPoll) {
		t.Errorf("feed after reopening: got %+v, %v", got, err)
	}
}
