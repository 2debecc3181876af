package fetch

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// limiter spaces the requests to each host and bounds how many run at
// once, per host and in all. A request's start, not its end, is what is
// spaced: two starts to one host are at least the host's interval apart.
type limiter struct {
	global   chan struct{}
	perHost  int
	interval time.Duration // default spacing of requests to one host

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

// hostSlot is one host's share of the limiter.
type hostSlot struct {
	sem   chan struct{}
	next  time.Time     // earliest start of the next request
	delay time.Duration // Crawl-delay asked by robots.txt, if longer than interval
}

func newLimiter(global, perHost int, interval time.Duration) *limiter {
	return &limiter{
		global:   make(chan struct{}, global),
		perHost:  perHost,
		interval: interval,
		hosts:    map[string]*hostSlot{},
	}
}

func (l *limiter) slot(host string) *hostSlot {
	l.mu.Lock()
	defer l.mu.Unlock()
	h := l.hosts[host]
	if h == nil {
		h = &hostSlot{sem: make(chan struct{}, l.perHost)}
		l.hosts[host] = h
	}
	return h
}

// acquire waits for a turn to send one request to host and returns the
// function that ends the turn (call it once the response body is read).
// It waits for a per-host slot, then for the host's next start time
// without holding a global slot, so a slow host never blocks the others,
// and takes the start time only once it holds a global slot, so the
// spacing is kept however long that wait was.
//
// A host held back for longer than maxWait (a long Retry-After) is not
// waited for: acquire fails at once with a *PausedError.
func (l *limiter) acquire(ctx context.Context, host string, maxWait time.Duration) (func(), error) {
	h := l.slot(host)
	if until := l.pausedUntil(h); time.Until(until) > maxWait {
		return nil, &PausedError{Host: host, Until: until}
	}
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	for {
		l.mu.Lock()
		wait := time.Until(h.next)
		l.mu.Unlock()
		if wait > maxWait {
			<-h.sem
			return nil, &PausedError{Host: host, Until: time.Now().Add(wait)}
		}
		if wait > 0 {
			if err := sleep(ctx, wait); err != nil {
				<-h.sem
				return nil, err
			}
		}
		select {
		case l.global <- struct{}{}:
		case <-ctx.Done():
			<-h.sem
			return nil, ctx.Err()
		}
		l.mu.Lock()
		now := time.Now()
		if !now.Before(h.next) {
			h.next = now.Add(max(l.interval, h.delay))
			l.mu.Unlock()
			return func() { <-l.global; <-h.sem }, nil
		}
		l.mu.Unlock()
		<-l.global // another request to the host took the turn; wait again
	}
}

func (l *limiter) pausedUntil(h *hostSlot) time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	return h.next
}

// PausedError reports a host that asked to be left alone (Retry-After)
// for longer than Options.MaxWait: no request was sent. Try after Until.
type PausedError struct {
	Host  string
	Until time.Time
}

func (e *PausedError) Error() string {
	return fmt.Sprintf("host %s paused until %s", e.Host, e.Until.UTC().Format(time.RFC3339))
}

// pause holds back every request to host until t (Retry-After, backoff).
func (l *limiter) pause(host string, t time.Time) {
	h := l.slot(host)
	l.mu.Lock()
	if t.After(h.next) {
		h.next = t
	}
	l.mu.Unlock()
}

// setDelay records a host's Crawl-delay, capped so that a hostile robots.txt
// cannot stall a crawl for a day.
func (l *limiter) setDelay(host string, d time.Duration) {
	h := l.slot(host)
	l.mu.Lock()
	h.delay = min(d, maxCrawlDelay)
	l.mu.Unlock()
}

// maxCrawlDelay is the longest Crawl-delay honoured as asked; longer ones
// are cut to it.
const maxCrawlDelay = time.Minute

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
