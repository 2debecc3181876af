package ingest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/input"
)

// job is one input on its way through the workers; done carries its
// result back to the saver, which waits for jobs in input order.
type job struct {
	item input.Item
	done chan prepared
}

type prepared struct {
	doc *dateline.Document
	err error
}

// Run ingests every page of args (files, directories, URLs, WARCs, "-";
// see input.Walk). Inputs that cannot be read or extracted are counted as
// failed and logged; the run goes on. Run stops early, returning the
// totals so far, when ctx is done or the store fails.
//
// Workers extract and analyse in parallel while one goroutine saves in
// input order, so a page that appears twice in a run resolves the same way
// every time.
func (p *Pipeline) Run(ctx context.Context, args []string) (Stats, error) {
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *job, p.opts.Workers)
	queue := make(chan *job, 4*p.opts.Workers)
	var walkErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		defer close(queue)
		walkErr = input.Walk(ctx, args, p.opts.Input, func(it input.Item) error {
			j := &job{item: it, done: make(chan prepared, 1)}
			for _, ch := range []chan *job{queue, jobs} {
				select {
				case ch <- j:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}()
	for w := 0; w < p.opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				doc, err := p.Prepare(j.item)
				j.done <- prepared{doc, err}
			}
		}()
	}
	st, err := p.save(ctx, queue)
	cancel()
	for range queue { // let the walker finish
	}
	wg.Wait()
	if err == nil && walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		err = fmt.Errorf("ingest: %w", walkErr)
	}
	if err == nil {
		err = parent.Err()
	}
	return st, err
}

// save puts prepared documents in input order.
func (p *Pipeline) save(ctx context.Context, queue <-chan *job) (Stats, error) {
	start := time.Now()
	var st Stats
	for j := range queue {
		var r prepared
		select {
		case r = <-j.done:
		case <-ctx.Done():
			return st, ctx.Err()
		}
		st.Read++
		if r.err != nil {
			st.Failed++
			p.log.Warn("input failed", "err", r.err)
		} else {
			res, err := p.opts.Store.Put(ctx, r.doc)
			switch {
			case errors.Is(err, dateline.ErrInvalid):
				st.Failed++
				p.log.Warn("input refused", "source", r.doc.Source, "err", err)
			case err != nil:
				st.Elapsed = time.Since(start)
				return st, fmt.Errorf("ingest %s: %w: %w", r.doc.Source, errStore, err)
			default:
				st.count(res.Outcome)
				p.log.Debug("saved", "source", r.doc.Source, "id", res.ID, "outcome", res.Outcome)
			}
		}
		st.Elapsed = time.Since(start)
		if p.opts.Progress != nil {
			p.opts.Progress(st)
		}
	}
	return st, nil
}
