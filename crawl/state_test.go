package crawl

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testState runs the behaviour every State must have.
func testState(t *testing.T, st State) {
	t.Helper()
	ctx := context.Background()
	if _, err := st.Feed(ctx, "http://a/feed"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown feed: got %v, want ErrNotFound", err)
	}
	f := FeedState{URL: "http://a/feed", ETag: `"x"`, NextPoll: time.Unix(100, 0).UTC()}
	if err := st.PutFeed(ctx, f); err != nil {
		t.Fatal(err)
	}
	if got, err := st.Feed(ctx, f.URL); err != nil || got != f {
		t.Errorf("feed: got %+v, %v", got, err)
	}
	added, err := st.Add(ctx, []Item{{URL: "http://a/1"}, {URL: "http://a/2"}, {URL: "http://a/1"}})
	if err != nil || len(added) != 2 {
		t.Fatalf("add: got %v, %v; want 2 added", added, err)
	}
	if added, _ := st.Add(ctx, []Item{{URL: "http://a/2"}, {URL: "http://a/3"}}); len(added) != 1 || added[0].URL != "http://a/3" {
		t.Errorf("add again: got %v, want only a/3", added)
	}
	if isNew, _ := st.See(ctx, "http://a/alias"); !isNew {
		t.Errorf("see: got not new")
	}
	if seen, _ := st.Seen(ctx, "http://a/alias"); !seen {
		t.Errorf("seen: got false")
	}
	if added, _ := st.Add(ctx, []Item{{URL: "http://a/alias"}}); len(added) != 0 {
		t.Errorf("a seen alias was queued")
	}
	if err := st.Done(ctx, "http://a/1"); err != nil {
		t.Fatal(err)
	}
	later := Item{URL: "http://a/2", Attempts: 1, NotBefore: time.Unix(200, 0).UTC()}
	if err := st.Retry(ctx, later); err != nil {
		t.Fatal(err)
	}
	if err := st.Retry(ctx, Item{URL: "http://a/1"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("retry of a done item: got %v, want ErrNotFound", err)
	}
	p, err := st.Pending(ctx)
	if err != nil || len(p) != 2 || p[0] != later || p[1].URL != "http://a/3" {
		t.Errorf("pending: got %+v, %v", p, err)
	}
}

func TestMemory(t *testing.T) {
	m := NewMemory()
	testState(t, m)
	m.Close()
	if _, err := m.Pending(context.Background()); !errors.Is(err, ErrClosed) {
		t.Errorf("after close: got %v, want ErrClosed", err)
	}
}

func TestFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state")
	st, err := OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	testState(t, st)
	st.Close()

	// A process killed mid-write leaves a torn line: it is dropped.
	fh, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	fh.WriteString(`{"done":"http://a/3`)
	fh.Close()
	st, err = OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	p, _ := st.Pending(ctx)
	if len(p) != 2 || p[0].Attempts != 1 || p[1].URL != "http://a/3" {
		t.Errorf("reopened pending: got %+v", p)
	}
	if seen, _ := st.Seen(ctx, "http://a/1"); !seen {
		t.Errorf("done URL not seen after reopening")
	}
	if f, err := st.Feed(ctx, "http://a/feed"); err != nil || f.ETag != `"x"` {
		t.Errorf("feed after reopening: %+v, %v", f, err)
	}
	// The journal was rewritten as a snapshot without the torn line.
	data, _ := os.ReadFile(path)
	if data[len(data)-1] != '\n' {
		t.Errorf("journal not compacted: ends %q", data[len(data)-20:])
	}
}

func TestSchedule(t *testing.T) {
	s := Schedule{Min: time.Minute, Max: time.Hour, PerPoll: 2}
	now := time.Unix(0, 0)
	var f FeedState
	s.polled(&f, now, 50) // backlog
	if f.Interval != time.Minute {
		t.Errorf("first poll: interval %v, want Min", f.Interval)
	}
	// A busy feed: 10 new items every 5 minutes, 120/hour: gap 1 minute.
	for range 5 {
		now = now.Add(5 * time.Minute)
		s.polled(&f, now, 10)
	}
	if f.Interval != time.Minute {
		t.Errorf("busy feed: interval %v, want 1m", f.Interval)
	}
	// It goes quiet: the gap grows to Max.
	for range 20 {
		now = now.Add(f.Interval)
		s.polled(&f, now, 0)
	}
	if f.Interval != time.Hour {
		t.Errorf("quiet feed: interval %v, want 1h", f.Interval)
	}
	// A slow feed, 1 item an hour: 2 hours, capped at Max.
	s.Max = 24 * time.Hour
	g := FeedState{}
	s.polled(&g, now, 1)
	for range 10 {
		now = now.Add(time.Hour)
		s.polled(&g, now, 1)
	}
	if g.Interval < 110*time.Minute || g.Interval > 130*time.Minute {
		t.Errorf("slow feed: interval %v, want about 2h", g.Interval)
	}
	s.failed(&g, now, 0)
	s.failed(&g, now, 0)
	if g.NextPoll != now.Add(2*time.Minute) {
		t.Errorf("two failures: next poll in %v, want 2m", g.NextPoll.Sub(now))
	}
	s.failed(&g, now, 30*time.Minute)
	if g.NextPoll != now.Add(30*time.Minute) {
		t.Errorf("Retry-After: next poll in %v, want 30m", g.NextPoll.Sub(now))
	}
}

func TestQueueTakesHostsInTurn(t *testing.T) {
	q := newQueue(1)
	for _, u := range []string{"http://a/1", "http://a/2", "http://a/3", "http://b/1", "http://c/1"} {
		q.push(Item{URL: u})
	}
	var got []string
	for {
		it, ok := q.pop(time.Now())
		if !ok {
			break
		}
		got = append(got, it.URL)
	}
	if want := "[http://a/1 http://b/1 http://c/1]"; fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s (one per host while each has one in flight)", got, want)
	}
	q.finish(Item{URL: "http://a/1"})
	if it, ok := q.pop(time.Now()); !ok || it.URL != "http://a/2" {
		t.Errorf("after a/1 finished: got %v", it.URL)
	}
	q.push(Item{URL: "http://d/1", NotBefore: time.Now().Add(time.Hour)})
	if it, ok := q.pop(time.Now()); ok {
		t.Errorf("got %s, want nothing (d/1 is for later)", it.URL)
	}
	if it, ok := q.pop(time.Now().Add(2 * time.Hour)); !ok || it.URL != "http://d/1" {
		t.Errorf("later: got %v, %v", it.URL, ok)
	}
}
