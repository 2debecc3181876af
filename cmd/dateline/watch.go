package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/crawl"
	"github.com/datelinehq/dateline/feed"
	"github.com/datelinehq/dateline/fetch"
	"github.com/datelinehq/dateline/ingest"
)

// watchFlags are the flags of `dateline watch`.
type watchFlags struct {
	db, state, out, warcDir string
	warcSize                int64
	once, verbose           bool
	polite                  politeFlags
	maxBytes                int64
	allowPrivate            bool
	schedule                crawl.Schedule
	workers                 int
}

func (f *watchFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.db, "db", defaultDB(), "database `file` that keeps the articles and the crawl state (default from $"+envDB+" or $XDG_DATA_HOME)")
	fs.StringVar(&f.out, "out", "", "write articles as JSON Lines to `FILE` (- for standard output) instead of the database, exactly once across restarts")
	fs.StringVar(&f.state, "state", "", "with --out: keep the crawl state in `FILE`, to resume after a restart (default: in memory)")
	fs.StringVar(&f.warcDir, "warc-dir", "", "record every request and response in WARC files in `DIR`")
	fs.Int64Var(&f.warcSize, "warc-size", fetch.DefaultArchiveSize, "start a new WARC file past `BYTES`")
	fs.BoolVar(&f.once, "once", false, "poll each source once, fetch what it lists, and exit")
	fs.BoolVar(&f.verbose, "v", false, "log each poll and each article stored to standard error")
	f.polite.register(fs)
	fs.Int64Var(&f.maxBytes, "max-bytes", fetch.DefaultMaxBytes, "largest response `size`, before and after decompression")
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "allow fetching from loopback and private networks")
	fs.DurationVar(&f.schedule.Min, "min-interval", 2*time.Minute, "shortest gap between two polls of a feed")
	fs.DurationVar(&f.schedule.Max, "max-interval", 6*time.Hour, "longest gap between two polls of a feed")
	fs.IntVar(&f.workers, "workers", 16, "pages fetched at once")
}

func runWatch(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline watch [flags] SOURCE...")
		fmt.Fprintln(e.stderr, "SOURCE: the URL of an RSS, Atom or JSON feed, a sitemap or sitemap index, an OPML file, or a home page that announces feeds; or a local OPML file.")
		fmt.Fprintln(e.stderr, "New articles are extracted, analysed and stored in the database as they appear; the crawl state is kept there too,")
		fmt.Fprintln(e.stderr, "so a watch stopped at any moment (SIGINT, SIGTERM, even SIGKILL) resumes where it was, storing every article once.")
		fs.PrintDefaults()
	}
	var f watchFlags
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no SOURCE given", errUsage)
	}
	if f.state != "" && f.out == "" {
		return fmt.Errorf("%w: --state goes with --out (the database keeps its own crawl state)", errUsage)
	}
	level := slog.LevelWarn
	if f.verbose {
		level = slog.LevelInfo
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level}))
	sources, err := expandSources(fs.Args())
	if err != nil {
		return err
	}
	return watch(ctx, e, sources, f, log)
}

// expandSources returns the URLs to watch: URL arguments as they are, and
// for a local file (an OPML export of a feed reader, a saved sitemap
// index) the feeds it lists.
func expandSources(args []string) ([]string, error) {
	var out []string
	for _, arg := range args {
		if strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
			out = append(out, arg)
			continue
		}
		data, err := os.ReadFile(arg)
		if err != nil {
			return nil, fmt.Errorf("source %s: %w", arg, err)
		}
		parsed, err := feed.Parse(data, "")
		if err != nil {
			return nil, fmt.Errorf("source %s: %w", arg, err)
		}
		if len(parsed.Feeds) == 0 {
			return nil, fmt.Errorf("source %s: lists no feeds (give a URL to watch a feed itself)", arg)
		}
		for _, f := range parsed.Feeds {
			out = append(out, f.URL)
		}
	}
	return out, nil
}

// watch wires the crawl: fetcher and archive, then the state and the
// handler of either the database or the JSON Lines output.
func watch(ctx context.Context, e env, sources []string, f watchFlags, log *slog.Logger) (err error) {
	fo := f.polite.options()
	fo.MaxBytes, fo.AllowPrivate, fo.Logger = f.maxBytes, f.allowPrivate, log
	if f.warcDir != "" {
		a, err := fetch.OpenArchive(f.warcDir, f.warcSize)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, a.Close()) }()
		fo.Archive = a
	}
	fetcher := fetch.New(fo)
	defer fetcher.Close()
	opts := crawl.Options{
		Fetcher:     fetcher,
		Schedule:    f.schedule,
		Workers:     f.workers,
		HostWorkers: fo.HostConcurrency,
		Once:        f.once,
		Logger:      log,
	}
	if f.out != "" {
		return watchJSONL(ctx, e, sources, f, opts)
	}
	return watchStore(ctx, e, sources, f.db, opts)
}

// watchStore crawls into the database: the crawl state lives beside the
// articles, and each page is extracted, analysed and stored as it comes.
func watchStore(ctx context.Context, e env, sources []string, db string, opts crawl.Options) (err error) {
	analyse, err := analyzer()
	if err != nil {
		return err
	}
	store, err := openDB(ctx, db)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, store.Close()) }()
	state := store.CrawlState()
	defer state.Close()

	ctx, stop := context.WithCancel(ctx)
	defer stop()
	sink := &storeSink{
		pipe:     ingest.New(ingest.Options{Store: store, Analyze: analyse}),
		state:    state,
		log:      opts.Logger,
		stop:     stop,
		outcomes: map[dateline.PutOutcome]int{},
	}
	opts.State, opts.Handle = state, sink.handle
	start := time.Now()
	err = crawl.Run(ctx, sources, opts)
	fmt.Fprintf(e.stderr, "dateline watch: %s: %s\n", time.Since(start).Round(time.Millisecond), sink.summary())
	if serr := sink.failure(); serr != nil {
		err = errors.Join(err, fmt.Errorf("store failed, stopped: %w", serr))
	}
	pending, perr := state.Pending(context.WithoutCancel(ctx))
	if total, serr := store.Stats(context.WithoutCancel(ctx)); serr == nil && perr == nil {
		fmt.Fprintf(e.stderr, "dateline watch: %s holds %d articles, %d versions; %d pages pending\n", db, total.Articles, total.Versions, len(pending))
	}
	return err
}

// watchJSONL crawls into a JSON Lines output, its state in a journal file
// or in memory.
func watchJSONL(ctx context.Context, e env, sources []string, f watchFlags, opts crawl.Options) (err error) {
	var st crawl.State = crawl.NewMemory()
	if f.state != "" {
		fst, err := crawl.OpenFile(f.state)
		if err != nil {
			return err
		}
		st = fst
	}
	defer func() { err = errors.Join(err, st.Close()) }()

	out := &articleSink{w: e.stdout}
	if f.out != "-" {
		file, err := openOutput(ctx, f.out, st)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, file.Sync(), file.Close()) }()
		out.w = file
	}
	opts.State, opts.Handle = st, out.handle
	return crawl.Run(ctx, sources, opts)
}
