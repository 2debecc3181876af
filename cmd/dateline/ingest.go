package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/datelinehq/dateline/analyze"
	"github.com/datelinehq/dateline/ingest"
	"github.com/datelinehq/dateline/sqlite"
)

// analyzer is the understanding stage ingest and serve run on every
// article: entities, quotes, attributions and events. The models load
// once (about half a second) and are shared by the ingest workers.
func analyzer() (ingest.Analyzer, error) {
	m, err := analyze.Load()
	if err != nil {
		return nil, err
	}
	return m.Article, nil
}

// EnvDB names the environment variable that overrides the default
// database path.
const envDB = "DATELINE_DB"

// defaultDB is where the knowledge base lives unless --db says otherwise:
// $DATELINE_DB, else $XDG_DATA_HOME/dateline/dateline.db, else
// ~/.local/share/dateline/dateline.db, else ./dateline.db.
func defaultDB() string {
	if p := os.Getenv(envDB); p != "" {
		return p
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "dateline", "dateline.db")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".local", "share", "dateline", "dateline.db")
	}
	return "dateline.db"
}

// openDB opens the store at path, creating its directory.
func openDB(ctx context.Context, path string) (*sqlite.Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	return sqlite.Open(ctx, path)
}

func runIngest(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline ingest [flags] INPUT...")
		fmt.Fprintln(e.stderr, "Extracts, analyses and stores every page of INPUT (as for extract) in the knowledge base.")
		fmt.Fprintln(e.stderr, "A URL may also be a feed (RSS, Atom, JSON Feed), a sitemap or sitemap index, an OPML list or a home page;")
		fmt.Fprintln(e.stderr, "so may a local file of feeds. Their articles are fetched politely (robots.txt, --rate per host).")
		fmt.Fprintln(e.stderr, "Running it again is safe: known pages are skipped, changed pages kept as new versions.")
		fs.PrintDefaults()
	}
	var in inputFlags
	in.register(fs)
	db := fs.String("db", defaultDB(), "database `file` (default from $"+envDB+" or $XDG_DATA_HOME)")
	workers := fs.Int("workers", 0, "pages extracted in parallel (0: one per CPU)")
	var polite politeFlags
	polite.register(fs)
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no INPUT given", errUsage)
	}
	analyse, err := analyzer()
	if err != nil {
		return err
	}
	store, err := openDB(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()

	prog := newProgress(e.stderr, countInputs(fs.Args()))
	log := slog.New(slog.NewTextHandler(prog, &slog.HandlerOptions{ReplaceAttr: dropTime}))
	p := ingest.New(ingest.Options{
		Store: store, Analyze: analyse, Workers: *workers,
		Input: in.options(e), Progress: prog.update, Logger: log,
		Walk: ingestSources(polite, in.options(e), log).Walk,
	})
	st, err := p.Run(ctx, fs.Args())
	prog.finish()
	fmt.Fprintf(e.stderr, "dateline ingest: %d inputs in %s (%.0f/s): %d added, %d revised, %d unchanged, %d duplicates, %d copies linked, %d failed\n",
		st.Read, st.Elapsed.Round(time.Millisecond), st.Rate(), st.Added, st.Revised, st.Unchanged, st.Duplicates, st.Copies, st.Failed)
	if total, serr := store.Stats(ctx); serr == nil {
		fmt.Fprintf(e.stderr, "dateline ingest: %s holds %d articles, %d copies, %d versions, %d entities, %d quotes\n",
			*db, total.Articles, total.Copies, total.Versions, total.Entities, total.Quotes)
	}
	if err != nil {
		return err
	}
	if st.Failed > 0 {
		return errFailedInputs
	}
	return nil
}

func dropTime(_ []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}

// countInputs estimates how many pages args hold, for the ETA: one per
// file, every file below a directory. It returns 0 (unknown) when an
// argument is standard input, a WARC or a URL (perhaps a feed), whose
// page count is unknown until read.
func countInputs(args []string) int {
	n := 0
	for _, a := range args {
		if a == "-" || strings.Contains(strings.ToLower(a), ".warc") || strings.Contains(a, "://") {
			return 0
		}
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			n++
			continue
		}
		filepath.WalkDir(a, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") && path != a {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				if strings.Contains(strings.ToLower(d.Name()), ".warc") {
					n = -1 << 30
				}
				n++
			}
			return nil
		})
	}
	return max(n, 0)
}

// progress shows an ingest's advance: a line redrawn in place on a
// terminal, a plain line every few seconds otherwise. Log lines written
// through it clear the progress line first.
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	terminal bool
	total    int
	last     ingest.Stats
	shown    time.Time
	drawn    bool
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.terminal = true
		}
	}
	return p
}

// progressEvery is how often progress is shown: often on a terminal,
// rarely in a log.
func (p *progress) every() time.Duration {
	if p.terminal {
		return 200 * time.Millisecond
	}
	return 10 * time.Second
}

func (p *progress) update(st ingest.Stats) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last = st
	if time.Since(p.shown) < p.every() {
		return
	}
	p.shown = time.Now()
	p.draw()
}

func (p *progress) draw() {
	st := p.last
	line := fmt.Sprintf("%d", st.Read)
	if p.total > 0 {
		line += fmt.Sprintf("/%d", p.total)
	}
	line += fmt.Sprintf(" inputs, %.0f/s", st.Rate())
	if p.total > st.Read && st.Rate() > 0 {
		eta := time.Duration(float64(p.total-st.Read) / st.Rate() * float64(time.Second))
		line += ", ETA " + eta.Round(time.Second).String()
	}
	line += fmt.Sprintf(" (%d added, %d revised, %d copies, %d failed)", st.Added, st.Revised, st.Copies, st.Failed)
	if p.terminal {
		fmt.Fprintf(p.w, "\r\x1b[K%s", line)
		p.drawn = true
	} else {
		fmt.Fprintf(p.w, "dateline ingest: %s\n", line)
	}
}

// Write lets log lines pass through without mangling the progress line.
func (p *progress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
	return p.w.Write(b)
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}
