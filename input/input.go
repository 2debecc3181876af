// Package input reads the things a user can hand dateline — files,
// directories, standard input, http(s) URLs, gzip files and WARC archives —
// and yields one Item per page, so that every command shares one notion of
// "an input" and a bad input never stops the rest of a batch.
package input

import (
	"context"
	"errors"
)

// Item is one page to process.
type Item struct {
	// Source names the input for messages and output: a file path, a URL,
	// "-" for standard input, or "FILE#RECORD-ID" for a WARC record.
	Source string
	// URL is the page's own address when known (the URL fetched, a WARC
	// record's WARC-Target-URI); empty for plain files.
	URL string
	// ContentType is the HTTP Content-Type of the page when known.
	ContentType string
	// Body is the page, decompressed; nil when Err is set.
	Body []byte
	// Err is set when this input could not be read. It names the input.
	Err error
}

// Options bounds reading. The zero value is usable.
type Options struct {
	// MaxBytes caps one page after decompression; 0 means DefaultMaxBytes.
	MaxBytes int64
	// AllowPrivate permits fetching URLs that resolve to loopback, private
	// or link-local addresses (tests use it for their loopback servers).
	AllowPrivate bool
	// UserAgent is sent with HTTP requests; empty means DefaultUserAgent.
	UserAgent string
}

// DefaultMaxBytes is the largest page read by default, after decompression.
const DefaultMaxBytes = 64 << 20

// DefaultUserAgent names dateline to the sites it fetches.
const DefaultUserAgent = "dateline/0.1 (+https://github.com/datelinehq/dateline)"

// ErrTooLarge: an input (or its decompressed form) is over Options.MaxBytes.
var ErrTooLarge = errors.New("input too large")

// Walk reads each argument in order and calls fn once per page. A failing
// input yields an Item with Err set and the walk goes on; Walk returns
// early only when fn returns an error or ctx is done.
func Walk(ctx context.Context, args []string, opts Options, fn func(Item) error) error {
	for _, arg := range args {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := walkArg(ctx, arg, opts, fn); err != nil {
			return err
		}
	}
	return nil
}
