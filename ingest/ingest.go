// Package ingest runs the pipeline's stages in order for each input —
// extract, analyse, fingerprint — and saves the result through a
// dateline.Store. It owns no storage and no terminal: the store and the
// analyser are handed in, and progress is reported to a callback.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/dedup"
	"github.com/datelinehq/dateline/extract"
	"github.com/datelinehq/dateline/input"
)

// Analyzer is the understanding stage: it finds entities, quotes,
// attributions and events in an article. It must be safe to call from
// several goroutines.
type Analyzer func(dateline.Article) dateline.Analysis

// NoAnalysis is the Analyzer used until the analysis stages are wired in:
// it returns the article with empty lists and Analysed false.
func NoAnalysis(a dateline.Article) dateline.Analysis {
	return dateline.Analysis{
		Article:      a,
		Note:         "not analysed",
		Entities:     []dateline.Entity{},
		Quotes:       []dateline.Quote{},
		Attributions: []dateline.Attribution{},
		Events:       []dateline.Event{},
	}
}

// Options configures a Pipeline. Store is required; the zero value of
// every other field works.
type Options struct {
	Store dateline.Store
	// Analyze is the analysis stage; nil means NoAnalysis.
	Analyze Analyzer
	// Workers extract and analyse in parallel; 0 means GOMAXPROCS. Saving
	// is always in input order, one at a time.
	Workers int
	// Input bounds reading (sizes, private addresses).
	Input input.Options
	// Walk reads Run's arguments and yields their pages; nil means
	// input.Walk. Sources.Walk also expands feeds, sitemaps, OPML lists
	// and home pages, and fetches politely.
	Walk func(ctx context.Context, args []string, opts input.Options, fn func(input.Item) error) error
	// Progress, when set, is called after each input with the running
	// totals, from the goroutine that saves.
	Progress func(Stats)
	// Logger receives one line per failed input; nil discards.
	Logger *slog.Logger
}

// Pipeline ingests inputs into a store.
type Pipeline struct {
	opts Options
	log  *slog.Logger
}

// New returns a Pipeline.
func New(opts Options) *Pipeline {
	if opts.Analyze == nil {
		opts.Analyze = NoAnalysis
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Walk == nil {
		opts.Walk = input.Walk
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Pipeline{opts: opts, log: log}
}

// Stats counts what a run did.
type Stats struct {
	// Read counts inputs, failed ones included.
	Read       int `json:"read"`
	Added      int `json:"added"`
	Unchanged  int `json:"unchanged"`
	Revised    int `json:"revised"`
	Duplicates int `json:"duplicates"`
	Copies     int `json:"copies"`
	Failed     int `json:"failed"`
	// Elapsed is the time since the run started.
	Elapsed time.Duration `json:"elapsed"`
}

// Rate is inputs per second so far.
func (s Stats) Rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Read) / s.Elapsed.Seconds()
}

func (s *Stats) count(o dateline.PutOutcome) {
	switch o {
	case dateline.Added:
		s.Added++
	case dateline.Unchanged:
		s.Unchanged++
	case dateline.Revised:
		s.Revised++
	case dateline.Duplicate:
		s.Duplicates++
	case dateline.Copy:
		s.Copies++
	}
}

// Prepare runs the stages on one page: extraction, analysis, fingerprint.
// It touches no store, so it runs in parallel.
func (p *Pipeline) Prepare(it input.Item) (*dateline.Document, error) {
	if it.Err != nil {
		return nil, it.Err
	}
	a, err := extract.Page(it.Body, extract.Options{URL: it.URL, ContentType: it.ContentType})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", it.Source, err)
	}
	a.Source = it.Source
	return p.Document(*a), nil
}

// Document analyses and fingerprints an already extracted article.
func (p *Pipeline) Document(a dateline.Article) *dateline.Document {
	an := p.opts.Analyze(a)
	an.Article = a
	return &dateline.Document{Analysis: an, Fingerprint: dedup.Fingerprint(&a)}
}

// Page ingests one page synchronously (the API's POST /api/ingest). A page
// that cannot be extracted is reported as dateline.ErrInvalid.
func (p *Pipeline) Page(ctx context.Context, it input.Item) (dateline.PutResult, error) {
	d, err := p.Prepare(it)
	if err != nil {
		return dateline.PutResult{}, fmt.Errorf("ingest: %w: %w", dateline.ErrInvalid, err)
	}
	res, err := p.opts.Store.Put(ctx, d)
	if err != nil {
		return res, fmt.Errorf("ingest: %w", err)
	}
	return res, nil
}

// errStore marks a failure of the store itself, which stops a run: the
// next Put would most likely fail the same way.
var errStore = errors.New("store failed")
