package main

import (
	"log/slog"

	"github.com/datelinehq/dateline/crawl"
	"github.com/datelinehq/dateline/fetch"
	"github.com/datelinehq/dateline/ingest"
	"github.com/datelinehq/dateline/input"
)

// ingestSources is how `dateline ingest` reads its arguments: local
// inputs as input.Walk does; URLs fetched politely, within the input
// limits, and feeds, sitemaps, OPML lists and home pages expanded into
// the articles they list.
func ingestSources(p politeFlags, in input.Options, log *slog.Logger) *ingest.Sources {
	fo := p.options()
	fo.MaxBytes, fo.AllowPrivate, fo.Logger = in.MaxBytes, in.AllowPrivate, log
	return &ingest.Sources{
		Fetcher: fetch.New(fo),
		Crawl:   crawl.Options{HostWorkers: fo.HostConcurrency},
		Logger:  log,
	}
}
