// Package eval scores article extractors on the shared evaluation corpus:
// main-content extraction on WCXB (extract/wcxb-dev), the snippet set that
// ships with go-trafilatura (test-files/), and publication dates on
// htmldate's evaluation set (dates/).
//
// The extractor is a plain function, so dateline and its peers are scored by
// the same code on the same pages. Loading reads every page into memory up
// front; a run times only the extraction calls, and scoring happens after.
package eval

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
)

// Result is what an extractor made of one page, reduced to the scored fields.
type Result struct {
	Title string
	// Author is the authors joined by "; ", or the byline when no person
	// was named.
	Author string
	// Date is the publication day as YYYY-MM-DD, or "".
	Date string
	// Text is the main content as plain text.
	Text string
}

// Extractor is one system under test.
type Extractor struct {
	Name string
	// Extract reads one page. An error counts as an empty Result.
	Extract func(html []byte, url string) (Result, error)
	// Prepare, if set, transforms each page before the timed run (the
	// peers' charset decoding). Its cost is not counted in pages/s.
	Prepare func(html []byte) []byte
}

// FromArticle reduces a dateline.Article to a Result.
func FromArticle(a *dateline.Article) Result {
	if a == nil {
		return Result{}
	}
	// The gold author is the credit as printed ("Mike Marshall, Shipping
	// Expert", "TOI Lifestyle Desk"), which is dateline's byline; the
	// people-only list stands in where no byline was printed.
	r := Result{Title: a.Title, Author: a.Byline, Text: a.Text}
	if r.Author == "" {
		r.Author = strings.Join(a.Authors, "; ")
	}
	r.Date = Day(a.Published)
	return r
}

// Day returns the YYYY-MM-DD prefix of an RFC 3339 timestamp or bare date,
// or "" when s does not start with one.
func Day(s string) string {
	if len(s) < 10 {
		return ""
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return ""
	}
	return s[:10]
}

// Page is one evaluation page with its gold annotations.
type Page struct {
	ID   string
	URL  string
	HTML []byte
	Gold Gold
}

// Gold holds what a page should yield; empty fields are not annotated.
type Gold struct {
	Title  string
	Author string
	Date   string
	// Text is the full main content (WCXB only).
	Text string
	// With and Without are phrases that must and must not be extracted.
	With    []string
	Without []string
	// Article is true for WCXB pages whose primary type is "article".
	Article bool
}

// Set is one evaluation set: its pages and how outputs on them are scored.
type Set struct {
	Name  string
	Pages []Page
	// Notes explain the metrics; they are printed under the table.
	Notes []string
	score func(pages []Page, res []Result) []Line
}

// Limit keeps only the first n pages (n <= 0 keeps all).
func (s *Set) Limit(n int) {
	if n > 0 && n < len(s.Pages) {
		s.Pages = s.Pages[:n]
	}
}

// Line is one labelled value of a report.
type Line struct{ Label, Value string }

// Run is the raw outcome of one extractor over a set.
type Run struct {
	Extractor string
	Results   []Result
	Errors    int
	Elapsed   time.Duration
	Memory    Memory
}

// Run extracts every page of the set with x, one after another on the
// calling goroutine, timing only the Extract calls. It stops early, with
// ctx's error, when ctx is done.
func (s *Set) Run(ctx context.Context, x Extractor) (Run, error) {
	inputs := make([][]byte, len(s.Pages))
	for i, p := range s.Pages {
		inputs[i] = p.HTML
		if x.Prepare != nil {
			inputs[i] = x.Prepare(p.HTML)
		}
	}
	run := Run{Extractor: x.Name, Results: make([]Result, len(s.Pages))}
	mem := startMemory()
	start := time.Now()
	for i, p := range s.Pages {
		if err := ctx.Err(); err != nil {
			return run, err
		}
		r, err := x.Extract(inputs[i], p.URL)
		if err != nil {
			run.Errors++
			r = Result{}
		}
		run.Results[i] = r
	}
	run.Elapsed = time.Since(start)
	run.Memory = mem.stop()
	return run, nil
}

// Score returns the set's metrics for a run, then its speed and memory.
func (s *Set) Score(run Run) []Line {
	lines := s.score(s.Pages, run.Results)
	lines = append(lines,
		Line{"errors", fmt.Sprint(run.Errors)},
		Line{"pages/s", fmt.Sprintf("%.1f", float64(len(s.Pages))/run.Elapsed.Seconds())},
	)
	return append(lines, run.Memory.lines()...)
}

// Compare runs each extractor over the set in turn, with a garbage
// collection between runs, and writes one table with a column each.
func Compare(ctx context.Context, w io.Writer, s *Set, xs ...Extractor) error {
	names := make([]string, len(xs))
	cols := make([][]Line, len(xs))
	for i, x := range xs {
		runtime.GC()
		run, err := s.Run(ctx, x)
		if err != nil {
			return fmt.Errorf("eval %s on %s: %w", x.Name, s.Name, err)
		}
		names[i] = x.Name
		cols[i] = s.Score(run)
	}
	fmt.Fprintf(w, "%s: %d pages, GOMAXPROCS=%d\n\n", s.Name, len(s.Pages), runtime.GOMAXPROCS(0))
	if err := writeTable(w, names, cols); err != nil {
		return err
	}
	for _, n := range slices.Concat(s.Notes, []string{memoryNote}) {
		if _, err := fmt.Fprintln(w, "  * "+n); err != nil {
			return err
		}
	}
	return nil
}
