package crawl

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/datelinehq/dateline/feed"
	"github.com/datelinehq/dateline/fetch"
)

// pollLoop polls the feeds that are due, round after round, until ctx is
// done, or with Options.Once until every feed known has been polled once
// (feeds found while polling included).
func (c *crawler) pollLoop(ctx context.Context) {
	polled := map[string]bool{}
	sched := c.opts.Schedule.withDefaults()
	for ctx.Err() == nil {
		feeds, err := c.opts.State.Feeds(ctx)
		if err != nil {
			if ctx.Err() == nil {
				c.log.Error("crawl: listing feeds", "err", err)
			}
			return
		}
		now := time.Now()
		next := now.Add(sched.Max)
		var due []FeedState
		for _, f := range feeds {
			switch {
			case c.opts.Once:
				if !polled[f.URL] {
					due = append(due, f)
				}
			case !f.NextPoll.After(now):
				due = append(due, f)
			case f.NextPoll.Before(next):
				next = f.NextPoll
			}
		}
		if len(due) == 0 {
			if c.opts.Once {
				return
			}
			sleep(ctx, time.Until(next))
			continue
		}
		sem := make(chan struct{}, c.opts.PollWorkers)
		var wg sync.WaitGroup
		for _, f := range due {
			polled[f.URL] = true
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				c.poll(ctx, f)
			})
		}
		wg.Wait()
	}
}

// poll fetches one feed, queues its new items and registers the feeds it
// points to, then schedules its next poll.
func (c *crawler) poll(ctx context.Context, f FeedState) {
	resp, err := c.opts.Fetcher.Get(ctx, fetch.Request{URL: f.URL, ETag: f.ETag, LastModified: f.LastModified})
	if ctx.Err() != nil {
		return // shutting down: the feed stays due
	}
	now := time.Now()
	fresh := 0
	if err == nil && !resp.NotModified {
		fresh, err = c.read(ctx, f.URL, resp)
		f.ETag, f.LastModified = resp.ETag, resp.LastModified
	}
	if err != nil {
		var se *fetch.StatusError
		var retryAfter time.Duration
		var pe *fetch.PausedError
		switch {
		case errors.As(err, &se):
			retryAfter = se.RetryAfter
		case errors.As(err, &pe):
			retryAfter = time.Until(pe.Until)
		}
		c.opts.Schedule.failed(&f, now, retryAfter)
		c.log.Warn("crawl: poll failed", "feed", f.URL, "err", err, "next", f.NextPoll)
		if c.opts.Failed != nil {
			c.opts.Failed(f.URL, err)
		}
	} else {
		c.opts.Schedule.polled(&f, now, fresh)
		attrs := []any{"feed", f.URL, "new", fresh, "not_modified", resp.NotModified}
		if !c.opts.Once {
			attrs = append(attrs, "next", f.NextPoll)
		}
		c.log.Info("crawl: polled", attrs...)
	}
	if err := c.opts.State.PutFeed(ctx, f); err != nil && ctx.Err() == nil {
		c.log.Error("crawl: saving feed", "feed", f.URL, "err", err)
	}
}

// read parses a fetched feed, or discovers the feeds of a home page, and
// returns how many new items it queued.
func (c *crawler) read(ctx context.Context, feedURL string, resp *fetch.Response) (int, error) {
	parsed, err := feed.Parse(resp.Body, resp.URL)
	if errors.Is(err, feed.ErrNotFeed) {
		links := feed.Discover(resp.Body, resp.URL)
		if len(links) == 0 {
			return 0, err
		}
		return 0, c.addFeeds(ctx, links, feedURL)
	}
	if err != nil {
		return 0, err
	}
	if err := c.addFeeds(ctx, parsed.Feeds, feedURL); err != nil {
		return 0, err
	}
	items := make([]Item, 0, len(parsed.Items))
	for _, it := range parsed.Items {
		u, err := fetch.Canonical(it.URL)
		if err != nil {
			continue
		}
		items = append(items, Item{URL: u, Feed: feedURL, Title: it.Title, Published: it.When()})
	}
	added, err := c.opts.State.Add(ctx, items)
	if err != nil {
		return 0, err
	}
	if len(added) > 0 {
		select {
		case c.added <- added:
		case <-ctx.Done():
		}
	}
	return len(added), nil
}

// addFeeds registers the feeds a sitemap index, an OPML list or a home
// page points to, the newest MaxChildren of them. A known child whose
// lastmod is after its last poll is made due now.
func (c *crawler) addFeeds(ctx context.Context, links []feed.Item, origin string) error {
	for i, l := range links {
		if i >= c.opts.MaxChildren {
			break
		}
		isNew, err := c.addFeed(ctx, l.URL, origin)
		if err != nil {
			if errors.Is(err, fetch.ErrURL) {
				continue
			}
			return err
		}
		if isNew || l.Updated.IsZero() {
			continue
		}
		u, _ := fetch.Canonical(l.URL)
		f, err := c.opts.State.Feed(ctx, u)
		if err == nil && l.Updated.After(f.LastPoll) && f.NextPoll.After(time.Now()) {
			f.NextPoll = time.Now()
			if err := c.opts.State.PutFeed(ctx, f); err != nil {
				return err
			}
		}
	}
	return nil
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}
