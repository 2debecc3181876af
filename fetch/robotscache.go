package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// robotsCache holds the rules of each site (scheme and host) for
// Options.RobotsTTL. One goroutine fetches a site's robots.txt while the
// others asking for it wait.
type robotsCache struct {
	f       *Fetcher
	mu      sync.Mutex
	entries map[string]*robotsEntry
}

type robotsEntry struct {
	ready   chan struct{} // closed once rules or err is set
	rules   *Rules
	reason  error // why rules is disallowAll, for messages
	err     error // the fetch failed in a way that is not the site's (context, address)
	expires time.Time
}

func newRobotsCache(f *Fetcher) *robotsCache {
	return &robotsCache{f: f, entries: map[string]*robotsEntry{}}
}

// check returns nil when robots.txt allows u, or an error wrapping
// ErrDisallowed.
func (c *robotsCache) check(ctx context.Context, u *url.URL) error {
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	e := c.entries[key]
	if e == nil || (isClosed(e.ready) && time.Now().After(e.expires)) {
		e = &robotsEntry{ready: make(chan struct{})}
		c.entries[key] = e
		c.mu.Unlock()
		c.load(ctx, key, e)
	} else {
		c.mu.Unlock()
	}
	select {
	case <-e.ready:
	case <-ctx.Done():
		return ctx.Err()
	}
	if e.err != nil {
		return e.err
	}
	if !e.rules.Allowed(u.RequestURI()) {
		if e.reason != nil {
			return fmt.Errorf("%w (robots.txt unavailable: %v)", ErrDisallowed, e.reason)
		}
		return ErrDisallowed
	}
	return nil
}

// load fetches and parses key's robots.txt into e. Following RFC 9309
// §2.3.1: a 4xx (but 429) means no rules; a 5xx, a 429 or a network
// failure means crawl nothing until it is tried again, sooner than a good
// file would be.
func (c *robotsCache) load(ctx context.Context, key string, e *robotsEntry) {
	defer close(e.ready)
	ttl := c.f.opts.RobotsTTL
	resp, err := c.f.follow(ctx, Request{URL: key + "/robots.txt", anyType: true}, false)
	var se *StatusError
	switch {
	case err == nil:
		e.rules = ParseRobots(resp.Body).For(robotsToken)
		if e.rules.Delay > 0 {
			c.f.limit.setDelay(hostOf(key+"/"), e.rules.Delay)
		}
	case errors.As(err, &se) && se.Code/100 == 4 && se.Code != http.StatusTooManyRequests:
		e.rules = allowAll
	case ctx.Err() != nil || errors.Is(err, ErrPrivateAddress) || errors.Is(err, ErrURL):
		e.err = err
		c.mu.Lock()
		delete(c.entries, key) // not the site's fault: ask again next time
		c.mu.Unlock()
		return
	default:
		e.rules, e.reason = disallowAll, err
		ttl = min(ttl/10, 10*time.Minute)
	}
	e.expires = time.Now().Add(ttl)
}

func isClosed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
