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
// see input.Walk, or Options.Walk). Inputs that cannot be read or extracted are counted as
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
		walkErr = p.opts.Walk(ctx, args, p.opts.Input, func(it input.Item) error {
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

// MaxBatch is the most documents saved in one transaction. The saver
// batches only what is already prepared, so a slow trickle of inputs is
// saved one by one and a fast batch run commits a few dozen at a time.
const MaxBatch = 64

// save puts prepared documents in input order.
func (p *Pipeline) save(ctx context.Context, queue <-chan *job) (Stats, error) {
	start := time.Now()
	var st Stats
	var batch []*dateline.Document
	var pending *job // taken from the queue but not yet ready
	for {
		batch = batch[:0]
		j := pending
		pending = nil
		if j == nil {
			var ok bool
			if j, ok = <-queue; !ok {
				return st, nil
			}
		}
		for j != nil {
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
				batch = append(batch, r.doc)
			}
			j = nil
			if len(batch) < MaxBatch {
				select {
				case next, ok := <-queue:
					if ok {
						select {
						case r := <-next.done:
							next.done <- r // ready: keep it in this batch
							j = next
						default:
							pending = next
						}
					}
				default:
				}
			}
		}
		if err := p.saveBatch(ctx, batch, &st); err != nil {
			st.Elapsed = time.Since(start)
			return st, err
		}
		st.Elapsed = time.Since(start)
		if p.opts.Progress != nil {
			p.opts.Progress(st)
		}
	}
}

// saveBatch saves documents in one transaction; when the batch is refused
// for one invalid document, they are saved one by one so the others land.
func (p *Pipeline) saveBatch(ctx context.Context, batch []*dateline.Document, st *Stats) error {
	if len(batch) == 0 {
		return nil
	}
	res, err := p.opts.Store.PutBatch(ctx, batch)
	if err == nil {
		for _, r := range res {
			st.count(r.Outcome)
		}
		return nil
	}
	if !errors.Is(err, dateline.ErrInvalid) {
		return fmt.Errorf("ingest: %w: %w", errStore, err)
	}
	for _, d := range batch {
		r, err := p.opts.Store.Put(ctx, d)
		switch {
		case errors.Is(err, dateline.ErrInvalid):
			st.Failed++
			p.log.Warn("input refused", "source", d.Source, "err", err)
		case err != nil:
			return fmt.Errorf("ingest %s: %w: %w", d.Source, errStore, err)
		default:
			st.count(r.Outcome)
		}
	}
	return nil
}
