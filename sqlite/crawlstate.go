package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/crawl"
)

// CrawlState is the crawl.State of `dateline watch`, kept in the store's
// database: the feeds polled, the URLs seen and the pages pending survive
// restarts with the articles, and Put stores a fetched page and marks it
// done in one transaction, so that a watch killed at any moment neither
// loses a page it stored nor stores one twice.
//
// Its writes go through the store's single writing connection, its reads
// through the reading pool, as the store's own do.
type CrawlState struct {
	s      *Store
	closed atomic.Bool
}

var _ crawl.State = (*CrawlState)(nil)

// CrawlState returns the crawl state kept in s. Closing it does not close
// s.
func (s *Store) CrawlState() *CrawlState { return &CrawlState{s: s} }

// check fails after Close and when ctx is done.
func (c *CrawlState) check(ctx context.Context, op string) error {
	if c.closed.Load() {
		return fmt.Errorf("crawl state: %s: %w", op, crawl.ErrClosed)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("crawl state: %s: %w", op, err)
	}
	return nil
}

func (c *CrawlState) Feed(ctx context.Context, url string) (crawl.FeedState, error) {
	var f crawl.FeedState
	if err := c.check(ctx, "feed"); err != nil {
		return f, err
	}
	var state []byte
	err := c.s.read.QueryRowContext(ctx, `SELECT state FROM crawl_feeds WHERE url = ?`, url).Scan(&state)
	if errors.Is(err, sql.ErrNoRows) {
		return f, fmt.Errorf("crawl state: feed %s: %w", url, crawl.ErrNotFound)
	}
	if err == nil {
		err = json.Unmarshal(state, &f)
	}
	if err != nil {
		return f, fmt.Errorf("crawl state: feed %s: %w", url, err)
	}
	return f, nil
}

func (c *CrawlState) Feeds(ctx context.Context) ([]crawl.FeedState, error) {
	if err := c.check(ctx, "feeds"); err != nil {
		return nil, err
	}
	rows, err := c.s.read.QueryContext(ctx, `SELECT state FROM crawl_feeds`)
	if err != nil {
		return nil, fmt.Errorf("crawl state: feeds: %w", err)
	}
	defer rows.Close()
	var out []crawl.FeedState
	for rows.Next() {
		var state []byte
		var f crawl.FeedState
		if err := rows.Scan(&state); err != nil {
			return nil, fmt.Errorf("crawl state: feeds: %w", err)
		}
		if err := json.Unmarshal(state, &f); err != nil {
			return nil, fmt.Errorf("crawl state: feeds: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("crawl state: feeds: %w", err)
	}
	return out, nil
}

func (c *CrawlState) PutFeed(ctx context.Context, f crawl.FeedState) error {
	if err := c.check(ctx, "put feed"); err != nil {
		return err
	}
	state, err := json.Marshal(f)
	if err == nil {
		_, err = c.s.write.ExecContext(ctx, `INSERT INTO crawl_feeds (url, state) VALUES (?, ?)
			ON CONFLICT (url) DO UPDATE SET state = excluded.state`, f.URL, state)
	}
	if err != nil {
		return fmt.Errorf("crawl state: put feed %s: %w", f.URL, err)
	}
	return nil
}

func (c *CrawlState) Add(ctx context.Context, items []crawl.Item) ([]crawl.Item, error) {
	if err := c.check(ctx, "add"); err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, nil
	}
	var added []crawl.Item
	err := c.inTx(ctx, func(tx *sql.Tx) error {
		added = nil
		for _, it := range items {
			isNew, err := see(ctx, tx, it.URL)
			if err != nil {
				return err
			}
			if !isNew {
				continue
			}
			item, err := json.Marshal(it)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO crawl_pending (url, item) VALUES (?, ?)`, it.URL, item); err != nil {
				return err
			}
			added = append(added, it)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("crawl state: add: %w", err)
	}
	return added, nil
}

func (c *CrawlState) Seen(ctx context.Context, url string) (bool, error) {
	if err := c.check(ctx, "seen"); err != nil {
		return false, err
	}
	var n int
	if err := c.s.read.QueryRowContext(ctx, `SELECT count(*) FROM crawl_seen WHERE url = ?`, url).Scan(&n); err != nil {
		return false, fmt.Errorf("crawl state: seen %s: %w", url, err)
	}
	return n > 0, nil
}

func (c *CrawlState) See(ctx context.Context, url string) (bool, error) {
	if err := c.check(ctx, "see"); err != nil {
		return false, err
	}
	isNew, err := see(ctx, c.s.write, url)
	if err != nil {
		return false, fmt.Errorf("crawl state: see %s: %w", url, err)
	}
	return isNew, nil
}

// execer is what see and done need of a connection or a transaction.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// see records url as seen and reports whether it was new.
func see(ctx context.Context, db execer, url string) (bool, error) {
	res, err := db.ExecContext(ctx, `INSERT INTO crawl_seen (url) VALUES (?) ON CONFLICT DO NOTHING`, url)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

func (c *CrawlState) Pending(ctx context.Context) ([]crawl.Item, error) {
	if err := c.check(ctx, "pending"); err != nil {
		return nil, err
	}
	rows, err := c.s.read.QueryContext(ctx, `SELECT item FROM crawl_pending ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("crawl state: pending: %w", err)
	}
	defer rows.Close()
	var out []crawl.Item
	for rows.Next() {
		var item []byte
		var it crawl.Item
		if err := rows.Scan(&item); err != nil {
			return nil, fmt.Errorf("crawl state: pending: %w", err)
		}
		if err := json.Unmarshal(item, &it); err != nil {
			return nil, fmt.Errorf("crawl state: pending: %w", err)
		}
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("crawl state: pending: %w", err)
	}
	return out, nil
}

func (c *CrawlState) Retry(ctx context.Context, it crawl.Item) error {
	if err := c.check(ctx, "retry"); err != nil {
		return err
	}
	item, err := json.Marshal(it)
	if err != nil {
		return fmt.Errorf("crawl state: retry %s: %w", it.URL, err)
	}
	res, err := c.s.write.ExecContext(ctx, `UPDATE crawl_pending SET item = ? WHERE url = ?`, item, it.URL)
	var n int64
	if err == nil {
		n, err = res.RowsAffected()
	}
	if err != nil {
		return fmt.Errorf("crawl state: retry %s: %w", it.URL, err)
	}
	if n == 0 {
		return fmt.Errorf("crawl state: retry %s: %w", it.URL, crawl.ErrNotFound)
	}
	return nil
}

func (c *CrawlState) Done(ctx context.Context, url string) error {
	if err := c.check(ctx, "done"); err != nil {
		return err
	}
	if err := c.inTx(ctx, func(tx *sql.Tx) error { return done(ctx, tx, url) }); err != nil {
		return fmt.Errorf("crawl state: done %s: %w", url, err)
	}
	return nil
}

// done marks url seen and no longer pending.
func done(ctx context.Context, tx *sql.Tx, url string) error {
	if _, err := see(ctx, tx, url); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM crawl_pending WHERE url = ?`, url)
	return err
}

// Put saves a crawled page's document as Store.Put does and marks urls
// done (the page's crawl URL and its aliases) in the same transaction:
// after a crash the page is either stored and done, or neither and still
// pending, to be fetched again and stored once.
func (c *CrawlState) Put(ctx context.Context, d *dateline.Document, urls ...string) (dateline.PutResult, error) {
	if err := c.check(ctx, "put"); err != nil {
		return dateline.PutResult{}, err
	}
	if len(d.Fingerprint.Keys) == 0 || d.Fingerprint.Hash == "" {
		return dateline.PutResult{}, fmt.Errorf("crawl state: put: %w: document without keys or hash", dateline.ErrInvalid)
	}
	var res dateline.PutResult
	err := c.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if res, err = c.s.put(ctx, tx, d); err != nil {
			return err
		}
		for _, u := range urls {
			if err := done(ctx, tx, u); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("crawl state: put %s: %w", d.Fingerprint.Keys[0], err)
	}
	return res, nil
}

// inTx runs fn in a transaction on the writing connection and commits.
func (c *CrawlState) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := c.s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// Close makes later calls fail with crawl.ErrClosed; the store stays open.
func (c *CrawlState) Close() error {
	c.closed.Store(true)
	return nil
}
