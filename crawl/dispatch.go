package crawl

import (
	"context"
	"net/url"
	"time"
)

// dispatch hands pending items to fetches, at most Workers at once and
// HostWorkers per host, taking hosts in turn so that one site with a long
// backlog does not hold every worker waiting on its rate limit. It returns
// when ctx is done and the fetches in flight have ended, or with
// Options.Once when polling is over and nothing is left to fetch now.
func (c *crawler) dispatch(ctx context.Context, pending []Item, pollDone <-chan struct{}) error {
	q := newQueue(c.opts.HostWorkers)
	for _, it := range pending {
		q.push(it)
	}
	results := make(chan result)
	inflight := 0
	ctxDone := ctx.Done()
	polling := true
	for {
		for inflight < c.opts.Workers && ctx.Err() == nil {
			it, ok := q.pop(time.Now())
			if !ok {
				break
			}
			inflight++
			go func() { results <- c.page(ctx, it) }()
		}
		// With Once, items waiting for a retry time are not waited for:
		// they stay pending in the State for the next run.
		if inflight == 0 && (ctx.Err() != nil || (c.opts.Once && !polling && q.queued == 0)) {
			return nil
		}
		var wake <-chan time.Time
		var timer *time.Timer
		if t, ok := q.nextLater(); ok {
			timer = time.NewTimer(time.Until(t))
			wake = timer.C
		}
		select {
		case items := <-c.added:
			for _, it := range items {
				q.push(it)
			}
		case r := <-results:
			inflight--
			q.finish(r.item)
			if r.retry {
				q.push(r.item)
			}
		case <-pollDone:
			polling, pollDone = false, nil
		case <-wake:
		case <-ctxDone:
			ctxDone = nil
		}
		if timer != nil {
			timer.Stop()
		}
	}
}

// result is the outcome of one page fetch.
type result struct {
	item  Item
	retry bool // pending still, due at item.NotBefore
}

// queue holds the pending items of a run, by host.
type queue struct {
	perHost int
	hosts   map[string]*hostQueue
	ring    []string // hosts in the order first seen, taken in turn
	next    int
	queued  int
	later   []Item // items whose NotBefore is ahead
}

type hostQueue struct {
	items    []Item
	inflight int
}

func newQueue(perHost int) *queue {
	return &queue{perHost: perHost, hosts: map[string]*hostQueue{}}
}

func hostKey(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil {
		return u.Host
	}
	return ""
}

func (q *queue) host(rawURL string) *hostQueue {
	key := hostKey(rawURL)
	h := q.hosts[key]
	if h == nil {
		h = &hostQueue{}
		q.hosts[key] = h
		q.ring = append(q.ring, key)
	}
	return h
}

func (q *queue) push(it Item) {
	if it.NotBefore.After(time.Now()) {
		q.later = append(q.later, it)
		return
	}
	h := q.host(it.URL)
	h.items = append(h.items, it)
	q.queued++
}

// pop returns the next item of the next host, in turn, that has items and
// a free slot, after moving items that have come due out of later.
func (q *queue) pop(now time.Time) (Item, bool) {
	if len(q.later) > 0 {
		kept := q.later[:0]
		for _, it := range q.later {
			if it.NotBefore.After(now) {
				kept = append(kept, it)
				continue
			}
			h := q.host(it.URL)
			h.items = append(h.items, it)
			q.queued++
		}
		q.later = kept
	}
	for i := range q.ring {
		k := (q.next + i) % len(q.ring)
		h := q.hosts[q.ring[k]]
		if len(h.items) == 0 || h.inflight >= q.perHost {
			continue
		}
		it := h.items[0]
		h.items = h.items[1:]
		h.inflight++
		q.queued--
		q.next = (k + 1) % len(q.ring)
		return it, true
	}
	return Item{}, false
}

func (q *queue) finish(it Item) { q.host(it.URL).inflight-- }

// nextLater returns when the earliest delayed item comes due.
func (q *queue) nextLater() (time.Time, bool) {
	var t time.Time
	for _, it := range q.later {
		if t.IsZero() || it.NotBefore.Before(t) {
			t = it.NotBefore
		}
	}
	return t, !t.IsZero()
}
