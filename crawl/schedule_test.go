package crawl

import (
	"fmt"
	"testing"
	"time"
)

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
	// A feed found quiet right after its first poll slows down step by
	// step, not straight to Max.
	q := FeedState{}
	s.polled(&q, now, 20)
	s.polled(&q, now.Add(time.Minute), 0)
	if q.Interval != 2*time.Minute {
		t.Errorf("quiet after the first poll: interval %v, want 2m (doubled)", q.Interval)
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
