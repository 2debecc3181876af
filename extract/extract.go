// Package extract turns one news page, HTML or a plain-text scrape, into a
// clean dateline.Article: title, standfirst, byline and authors, dateline
// place, dates, language, site metadata and the body paragraphs without
// navigation, adverts, share bars, related links or comments.
package extract

import (
	"errors"
	"log/slog"
)

// Errors callers branch on. Every error returned by this package wraps one
// of these or describes a malformed input.
var (
	// ErrEmpty: the input has no bytes, or only white space.
	ErrEmpty = errors.New("empty input")
	// ErrNotText: the input is binary (an image, a PDF, an archive...).
	ErrNotText = errors.New("not HTML or text")
	// ErrNoContent: the page parsed but holds no article body.
	ErrNoContent = errors.New("no article content")
	// ErrTooLarge: the input is over Options.MaxBytes.
	ErrTooLarge = errors.New("input too large")
	// ErrInternal: the extractor failed on this page (a bug; please
	// report the page).
	ErrInternal = errors.New("internal error")
)

// DefaultMaxBytes bounds the size of one page. Real news pages are under
// 5 MB; the cap keeps memory bounded when a server sends something else.
const DefaultMaxBytes = 16 << 20

// Options tunes one extraction. The zero value works.
type Options struct {
	// URL is the address the page was fetched from, if known. It resolves
	// relative links and serves as a last-resort source of dates.
	URL string
	// ContentType is the HTTP Content-Type header, if any; its charset
	// parameter is one of the signals used to decode the page.
	ContentType string
	// MaxBytes caps the input size; 0 means DefaultMaxBytes.
	MaxBytes int
	// Logger receives debug notes about decisions; nil discards them.
	Logger *slog.Logger
}

func (o Options) maxBytes() int {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o Options) logger() *slog.Logger {
	if o.Logger != nil {
		return o.Logger
	}
	return slog.New(slog.DiscardHandler)
}
