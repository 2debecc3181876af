package main

import (
	"flag"
	"time"

	"github.com/datelinehq/dateline/fetch"
)

// politeFlags are the flags of the commands that crawl (watch, and ingest
// when it reads feeds): who dateline says it is and how hard it may press
// each site. Size and address limits come from each command's own flags.
type politeFlags struct {
	fetch fetch.Options
}

func (f *politeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.fetch.Contact, "contact", "", "an e-mail address or URL added to the User-Agent, for site owners")
	fs.StringVar(&f.fetch.UserAgent, "user-agent", "", "replace the whole User-Agent header")
	fs.Float64Var(&f.fetch.HostRate, "rate", 1, "most requests per second to one host")
	fs.IntVar(&f.fetch.HostConcurrency, "host-concurrency", 2, "most requests in flight to one host")
	fs.IntVar(&f.fetch.Concurrency, "concurrency", 32, "most requests in flight in all")
	fs.DurationVar(&f.fetch.Timeout, "timeout", 30*time.Second, "time allowed for one request")
}

// options returns the fetch options, with the per-host concurrency at
// least 1 (the crawl's per-host workers are set from it).
func (f *politeFlags) options() fetch.Options {
	o := f.fetch
	o.HostConcurrency = max(o.HostConcurrency, 1)
	return o
}
