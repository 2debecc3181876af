package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/crawl"
	"github.com/datelinehq/dateline/ingest"
	"github.com/datelinehq/dateline/sqlite"
)

// storeSink runs the ingest stages on each fetched page and stores the
// result, marking the page done in the same transaction (see
// sqlite.CrawlState.Put): a watch killed at any moment has every page
// either stored and done, or still pending, never stored twice.
type storeSink struct {
	pipe  *ingest.Pipeline
	state *sqlite.CrawlState
	log   *slog.Logger
	// stop ends the crawl when the store fails: the next page would most
	// likely fail the same way.
	stop func()

	mu       sync.Mutex
	outcomes map[dateline.PutOutcome]int
	skipped  int   // pages that were no article, or refused by the store
	err      error // the first store failure
}

func (s *storeSink) handle(ctx context.Context, p crawl.Page) error {
	a, err := crawledArticle(p)
	if err != nil {
		s.mu.Lock()
		s.skipped++
		s.mu.Unlock()
		return err
	}
	urls := append([]string{p.Item.URL}, p.Aliases...)
	res, err := s.state.Put(ctx, s.pipe.Document(*a), urls...)
	if err != nil && !errors.Is(err, dateline.ErrInvalid) {
		s.mu.Lock()
		if s.err == nil {
			s.err = err
		}
		s.mu.Unlock()
		s.stop()
		return fmt.Errorf("%w: %w", crawl.ErrNotHandled, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.skipped++
		return err
	}
	s.outcomes[res.Outcome]++
	s.log.Info("watch: stored", "url", p.URL, "outcome", res.Outcome, "id", res.ID, "version", res.Version)
	return nil
}

// failure returns the first store failure, if any.
func (s *storeSink) failure() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// summary is one line of what the run stored.
func (s *storeSink) summary() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.outcomes
	return fmt.Sprintf("%d added, %d revised, %d unchanged, %d duplicates, %d copies linked, %d not articles",
		o[dateline.Added], o[dateline.Revised], o[dateline.Unchanged], o[dateline.Duplicate], o[dateline.Copy], s.skipped)
}
