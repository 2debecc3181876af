// Package input reads the things a user can hand dateline — files,
// directories, standard input, http(s) URLs, gzip files and WARC archives —
// and yields one Item per page, so that every command shares one notion of
// "an input" and a bad input never stops the rest of a batch.
package input

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"strings"
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
	// AllowPrivate permits fetching URLs that resolve to loopback, private,
	// link-local, unspecified or multicast addresses (tests use it for their
	// loopback servers). The check is made on the address connected to,
	// after DNS resolution and at every redirect.
	AllowPrivate bool
	// UserAgent is sent with HTTP requests; empty means DefaultUserAgent.
	UserAgent string
	// Stdin is what the argument "-" reads; nil means os.Stdin. Commands
	// pass their own, so that they can be run in-process by tests.
	Stdin io.Reader
}

// DefaultMaxBytes is the largest page read by default, after decompression.
const DefaultMaxBytes = 16 << 20

// DefaultUserAgent names dateline to the sites it fetches.
const DefaultUserAgent = "dateline/0.1 (+https://github.com/datelinehq/dateline)"

// Errors that callers may branch on with errors.Is; Item.Err wraps them.
var (
	// ErrTooLarge: an input (or its decompressed form) is over
	// Options.MaxBytes.
	ErrTooLarge = errors.New("input too large")
	// ErrNotPage: a URL or WARC record holds something other than an HTML,
	// XHTML or plain-text page (an image, a PDF...).
	ErrNotPage = errors.New("not an HTML page")
	// ErrPrivateAddress: a URL led to a loopback, private, link-local,
	// unspecified or multicast address and Options.AllowPrivate is false.
	ErrPrivateAddress = errors.New("address not public")
)

// Walk reads each argument in order and calls fn once per page. A failing
// input yields an Item with Err set and the walk goes on; Walk returns
// early only when fn returns an error or ctx is done.
//
// An argument is "-" (standard input), an http(s) URL, a directory (every
// file below it, hidden ones skipped) or a file. A file, or standard input,
// whose content starts with "WARC/" (after gunzip if need be) is a WARC: each
// HTML, XHTML or text payload of a 2xx response record or of a resource
// record is one page, and other records are skipped silently. Any other
// file is one page, gunzipped when it is gzip.
func Walk(ctx context.Context, args []string, opts Options, fn func(Item) error) error {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	w := &walker{ctx: ctx, opts: opts, fn: fn}
	defer w.close()
	for _, arg := range args {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.walkArg(arg); err != nil {
			return err
		}
	}
	return nil
}

// walker carries one Walk's state through the readers of each kind of
// input.
type walker struct {
	ctx    context.Context
	opts   Options // with defaults filled in
	fn     func(Item) error
	client *http.Client // made for the first URL
	inFn   bool         // fn is running: a panic then is the caller's
}

func (w *walker) close() {
	if w.client != nil {
		w.client.CloseIdleConnections()
	}
}

// walkArg reads one argument. A panic in the readers (a bug, or a library
// tripping over hostile input) becomes an error item for that argument
// rather than the end of the batch; a panic in fn is the caller's own and
// goes on up.
func (w *walker) walkArg(arg string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if w.inFn {
				panic(p)
			}
			err = w.fail(arg, fmt.Errorf("internal error: %v", p))
		}
	}()
	switch {
	case arg == "-":
		return w.walkStream("-", w.opts.Stdin)
	case isURL(arg):
		return w.fetch(arg)
	}
	return w.walkPath(arg)
}

// send passes an item to fn.
func (w *walker) send(it Item) error {
	w.inFn = true
	err := w.fn(it)
	w.inFn = false
	return err
}

// fail sends an error item for source.
func (w *walker) fail(source string, err error) error {
	return w.send(Item{Source: source, Err: &inputError{source: source, err: err}})
}

// inputError names the input that failed, in one line, and unwraps to the
// cause so that errors.Is(err, ErrTooLarge) and the like work.
type inputError struct {
	source string
	err    error
}

func (e *inputError) Error() string {
	msg := e.err.Error()
	var pe *fs.PathError
	if errors.As(e.err, &pe) && pe.Path == e.source && e.err == error(pe) {
		msg = pe.Op + ": " + pe.Err.Error() // "x: open: no such file", not "x: open x: ..."
	}
	return e.source + ": " + oneLine.Replace(msg)
}

// oneLine keeps an error message on one line whatever a library put in it.
var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

func (e *inputError) Unwrap() error { return e.err }
