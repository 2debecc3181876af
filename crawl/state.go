package crawl

import (
	"context"
	"errors"
	"time"
)

// FeedState is what the crawler remembers of one feed (or sitemap, OPML
// file, home page) between polls.
type FeedState struct {
	URL string `json:"url"`
	// Origin is the feed, index or page this one was found in; empty for a
	// source given by the user.
	Origin string `json:"origin,omitempty"`
	// ETag and LastModified are the validators of the last copy, sent on
	// the next poll.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// LastPoll and NextPoll are when it was last polled and is due next.
	LastPoll time.Time `json:"last_poll,omitzero"`
	NextPoll time.Time `json:"next_poll,omitzero"`
	// Interval is the current gap between polls.
	Interval time.Duration `json:"interval,omitempty"`
	// Rate estimates how many new items the feed publishes per hour.
	Rate float64 `json:"rate,omitempty"`
	// Polls counts successful polls; Failures counts failures in a row.
	Polls    int `json:"polls,omitempty"`
	Failures int `json:"failures,omitempty"`
}

// Item is a page to fetch, found in a feed.
type Item struct {
	// URL is the page's canonical URL (fetch.Canonical): the key under
	// which it is seen, pending and done.
	URL       string    `json:"url"`
	Feed      string    `json:"feed,omitempty"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Attempts counts failed fetches; NotBefore delays the next one.
	Attempts  int       `json:"attempts,omitempty"`
	NotBefore time.Time `json:"not_before,omitzero"`
}

// State is the crawler's memory: feeds, the URLs it has seen and the pages
// it still has to fetch. Implementations must make each call durable
// before returning (as far as they promise durability at all) and be safe
// for concurrent use. Memory and File are the implementations here;
// sqlite.CrawlState keeps it in the store's database. Package crawltest
// is the suite every implementation must pass.
//
// Every method returns ErrClosed after Close, the context's error when it
// is done, and otherwise only storage errors (wrapped with the operation).
type State interface {
	// Feed returns the state of one feed, or ErrNotFound.
	Feed(ctx context.Context, url string) (FeedState, error)
	// Feeds returns every feed, in no particular order.
	Feeds(ctx context.Context) ([]FeedState, error)
	// PutFeed stores a feed's state, replacing any earlier one.
	PutFeed(ctx context.Context, f FeedState) error
	// Add records items as seen and pending, skipping those whose URL was
	// seen before, and returns the ones it added, in the order given.
	Add(ctx context.Context, items []Item) ([]Item, error)
	// Seen reports whether a URL was ever added or seen.
	Seen(ctx context.Context, url string) (bool, error)
	// See records a URL as seen without queuing it (the target of a
	// redirect, a rel=canonical) and reports whether it was new.
	See(ctx context.Context, url string) (bool, error)
	// Pending returns every item still to fetch, in the order added.
	Pending(ctx context.Context) ([]Item, error)
	// Retry keeps a pending item for later: its Attempts and NotBefore are
	// stored. ErrNotFound when the URL is not pending.
	Retry(ctx context.Context, it Item) error
	// Done marks a URL as no longer pending: fetched and handed on, or
	// given up. Marking a URL that is not pending is not an error, so that
	// recovery can replay it; an unseen URL becomes seen.
	Done(ctx context.Context, url string) error
	// Close releases the state; later calls fail with ErrClosed.
	Close() error
}

// Errors of State implementations.
var (
	ErrNotFound = errors.New("not found")
	ErrClosed   = errors.New("state closed")
)
