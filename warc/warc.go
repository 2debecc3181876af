// Package warc reads and writes WARC files, the web-archive format of
// ISO 28500 (WARC/1.0 and WARC/1.1), as produced by Heritrix, wget and
// Common Crawl.
//
// A WARC file is a sequence of records. Each record is a version line
// ("WARC/1.1"), named header fields, an empty line, a block of exactly
// Content-Length bytes and two line ends. A .warc.gz file compresses either
// each record as its own gzip member (the Common Crawl layout, which lets a
// reader seek to one record) or the whole file at once; Reader accepts both.
//
// Reader streams: a record's block is never held in memory by the package,
// so a huge record costs time to skip, not memory. Writer buffers one record
// at a time to compute its digests.
package warc

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Record types defined by WARC/1.1 §6.
const (
	TypeWarcinfo     = "warcinfo"
	TypeResponse     = "response"
	TypeResource     = "resource"
	TypeRequest      = "request"
	TypeMetadata     = "metadata"
	TypeRevisit      = "revisit"
	TypeConversion   = "conversion"
	TypeContinuation = "continuation"
)

// Field is one named header field of a record.
type Field struct {
	Name  string
	Value string
}

// Header is a record's named fields in file order. Names compare without
// regard to case (WARC/1.1 §4).
type Header []Field

// Get returns the value of the first field called name, or "".
func (h Header) Get(name string) string {
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// Values returns the values of every field called name, in order.
func (h Header) Values(name string) []string {
	var vs []string
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			vs = append(vs, f.Value)
		}
	}
	return vs
}

// Add appends a field, keeping any others of the same name.
func (h *Header) Add(name, value string) {
	*h = append(*h, Field{name, value})
}

// Set replaces the fields called name with one field, in the place of the
// first of them, or appends it when there was none.
func (h *Header) Set(name, value string) {
	out := (*h)[:0]
	done := false
	for _, f := range *h {
		if strings.EqualFold(f.Name, name) {
			if done {
				continue
			}
			f, done = Field{name, value}, true
		}
		out = append(out, f)
	}
	if !done {
		out = append(out, Field{name, value})
	}
	*h = out
}

// Del removes every field called name.
func (h *Header) Del(name string) {
	kept := (*h)[:0]
	for _, f := range *h {
		if !strings.EqualFold(f.Name, name) {
			kept = append(kept, f)
		}
	}
	*h = kept
}

// Record is one WARC record.
//
// When read, the named fields below are copies of header fields, parsed;
// Header keeps them all as they were written. When written, the named fields
// are authoritative and Header supplies any other fields (Content-Type,
// WARC-Concurrent-To, ...).
type Record struct {
	// Version is the version line, "WARC/1.0" or "WARC/1.1".
	Version string
	// Header holds every named field in file order.
	Header Header
	// Type is WARC-Type: "response", "resource", "request", ...
	Type string
	// ID is WARC-Record-ID without its angle brackets ("urn:uuid:...").
	ID string
	// TargetURI is WARC-Target-URI, without angle brackets if a WARC/1.0
	// writer added them.
	TargetURI string
	// Date is WARC-Date; zero when missing or unreadable.
	Date time.Time
	// ContentLength is the size of the block in bytes.
	ContentLength int64
	// Body reads the block and nothing more. A Reader's record Body is valid
	// only until the next call to Next.
	Body io.Reader
	// Number counts the records of a file from 1 (set by Reader).
	Number int
	// Offset is where the record starts in the decompressed WARC stream
	// (set by Reader).
	Offset int64
}

// ErrBomb reports gzip data that expands far more than real archives do.
// See Reader.MaxRatio.
var ErrBomb = errors.New("gzip data expands too far (decompression bomb?)")

// ErrFormat reports bytes that do not follow the WARC record syntax.
var ErrFormat = errors.New("malformed WARC")

// RecordError is the error Reader returns, and Record bodies return, when
// the file is truncated or malformed. It says where: the record's number,
// its offset, and for gzip input the offset of the gzip member being read.
// Reading cannot go on after a RecordError.
type RecordError struct {
	Number int   // record number, from 1
	Offset int64 // record offset in the decompressed stream
	// GzipOffset is the offset of the gzip member in the compressed file,
	// or -1 for an uncompressed file.
	GzipOffset int64
	Err        error
}

func (e *RecordError) Error() string {
	if e.GzipOffset >= 0 {
		return fmt.Sprintf("warc: record %d at offset %d (gzip member at byte %d): %v",
			e.Number, e.Offset, e.GzipOffset, e.Err)
	}
	return fmt.Sprintf("warc: record %d at offset %d: %v", e.Number, e.Offset, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// parseDate reads a WARC-Date: W3C-ISO8601 in UTC, to the second in
// WARC/1.0 and optionally finer in WARC/1.1.
func parseDate(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// unbracket strips the angle brackets WARC puts around some URIs.
func unbracket(s string) string {
	if len(s) >= 2 && s[0] == '<' && s[len(s)-1] == '>' {
		return s[1 : len(s)-1]
	}
	return s
}
