// Package crawl is the frontier and scheduler behind `dateline watch`: it
// polls feeds, sitemaps, OPML lists and home pages when they are due,
// queues the articles they list that it has not seen, fetches those
// politely, and hands each page on. What it knows lives in a State, so
// that a crawl stopped at any moment resumes where it was.
package crawl

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/datelinehq/dateline/fetch"
)

// Getter fetches one URL; *fetch.Fetcher is one.
type Getter interface {
	Get(ctx context.Context, req fetch.Request) (*fetch.Response, error)
}

// Page is a fetched article, handed to Options.Handle.
type Page struct {
	Item Item
	// URL is the address that answered, after redirects.
	URL         string
	ContentType string
	Body        []byte
	Fetched     time.Time
	// Aliases are the other URLs the page goes by: where its redirects
	// ended and what its rel=canonical names. The crawl marks them seen
	// once Handle returns; a Handle that records the page in the State's
	// own storage can mark them done with it.
	Aliases []string
}

// Options configures Run. Fetcher, State and Handle are required.
type Options struct {
	Fetcher Getter
	State   State
	// Handle receives every new page once. It runs with a context that is
	// not cancelled by shutdown, so that a page fetched is not lost; it
	// must have stored or written the page when it returns, after which
	// the page is marked done. An error is logged and the page dropped,
	// unless it wraps ErrNotHandled.
	Handle func(ctx context.Context, p Page) error
	// Schedule bounds how often feeds are polled.
	Schedule Schedule
	// Workers bounds pages fetched at once; 0 means 16. HostWorkers bounds
	// them per host; 0 means 2 (match fetch.Options.HostConcurrency).
	Workers, HostWorkers int
	// PollWorkers bounds feeds polled at once; 0 means 8.
	PollWorkers int
	// MaxChildren is the most sitemaps followed from one sitemap index,
	// and feeds from one OPML list or home page, newest first; 0 means 100.
	// News sitemap indexes list years of archives a watch does not need.
	MaxChildren int
	// MaxAttempts is how often a page is tried before it is given up;
	// 0 means 3.
	MaxAttempts int
	// Failed, when set, is told of every page given up and every poll
	// that failed, with the error. With Once, a feed that failed is not
	// polled again in the run.
	Failed func(url string, err error)
	// Once polls every feed once, whether due or not, fetches what is
	// pending and returns, instead of watching until ctx is done. Pages
	// waiting to be retried later stay pending for the next run.
	Once bool
	// Logger receives progress and failures; nil discards.
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = 16
	}
	if o.HostWorkers <= 0 {
		o.HostWorkers = 2
	}
	if o.PollWorkers <= 0 {
		o.PollWorkers = 8
	}
	if o.MaxChildren <= 0 {
		o.MaxChildren = 100
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 3
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// ErrNotHandled, wrapped in an error of Options.Handle, says that the
// page could not be taken for a reason of the handler's own (its storage
// failed): the page stays pending, to be fetched again by a later run,
// instead of being dropped.
var ErrNotHandled = errors.New("page not handled")

// Run watches the sources — URLs of feeds, sitemaps, sitemap indexes, OPML
// files or home pages — until ctx is done (or, with Options.Once, until
// everything is fetched once). On cancellation it stops polling and
// starting fetches, lets the pages already fetched be handled, and
// returns nil; what was not fetched stays pending in the State.
func Run(ctx context.Context, sources []string, opts Options) error {
	opts = opts.withDefaults()
	if opts.Fetcher == nil || opts.State == nil || opts.Handle == nil {
		return errors.New("crawl: Fetcher, State and Handle are required")
	}
	c := &crawler{opts: opts, added: make(chan []Item), log: opts.Logger}
	for _, src := range sources {
		if _, err := c.addFeed(ctx, src, ""); err != nil {
			return fmt.Errorf("crawl: source %s: %w", src, err)
		}
	}
	pending, err := opts.State.Pending(ctx)
	if err != nil {
		return fmt.Errorf("crawl: %w", err)
	}
	pollDone := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(pollDone)
		c.pollLoop(ctx)
	})
	err = c.dispatch(ctx, pending, pollDone)
	wg.Wait()
	return err
}

// crawler is one Run's working state.
type crawler struct {
	opts  Options
	log   *slog.Logger
	added chan []Item // new items, from the pollers to the dispatcher
}

// addFeed records a feed to poll, due now, unless known. It reports
// whether it was new.
func (c *crawler) addFeed(ctx context.Context, rawURL, origin string) (bool, error) {
	u, err := fetch.Canonical(rawURL)
	if err != nil {
		return false, err
	}
	if _, err := c.opts.State.Feed(ctx, u); err == nil {
		return false, nil
	} else if !errors.Is(err, ErrNotFound) {
		return false, err
	}
	return true, c.opts.State.PutFeed(ctx, FeedState{URL: u, Origin: origin, NextPoll: time.Now()})
}
