package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

// Page extracts an article from one input, deciding by its bytes whether it
// is HTML or a plain-text scrape. Binary data is refused with ErrNotText.
func Page(data []byte, opts Options) (a *dateline.Article, err error) {
	// A bug on one strange page must not end a batch of millions: it
	// becomes that page's error, reported like any other.
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("%w: %v", ErrInternal, r)
		}
	}()
	if len(data) > opts.maxBytes() {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), opts.maxBytes())
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	if t := bytes.TrimSpace(data); (t[0] == '{' || t[0] == '[') && json.Valid(t) {
		return nil, fmt.Errorf("%w: looks like JSON data", ErrNotText)
	}
	switch sniff(data) {
	case kindHTML:
		return HTML(data, opts)
	case kindText:
		return Text(data, opts)
	default:
		return nil, fmt.Errorf("%w: looks like %s", ErrNotText, binaryName(data))
	}
}

type kind int

const (
	kindBinary kind = iota
	kindHTML
	kindText
)

// sniff classifies the first bytes of an input. It looks for markup first,
// then decides between text and binary by the share of control bytes, so a
// page in a legacy 8-bit charset still counts as text.
func sniff(data []byte) kind {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if binaryName(head) != "" {
		return kindBinary
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 512)])
	for _, p := range [][]byte{[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"), []byte("<?xml"), []byte("<!--"), []byte("<meta"), []byte("<title"), []byte("<div"), []byte("<p")} {
		if bytes.HasPrefix(lower, p) {
			return kindHTML
		}
	}
	control := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			control++
		}
	}
	if control*100 > len(head) {
		return kindBinary
	}
	if bytes.Contains(bytes.ToLower(head), []byte("<html")) || bytes.Contains(bytes.ToLower(head), []byte("<body")) {
		return kindHTML
	}
	if !utf8.Valid(head) {
		// Legacy 8-bit text has words separated by spaces; random or
		// compressed bytes have almost none.
		high, spaces := 0, 0
		for _, c := range head {
			if c >= 0x80 {
				high++
			}
			if c == ' ' || c == '\n' {
				spaces++
			}
		}
		if control > 0 || high*10 > len(head)*3 && spaces*20 < len(head) {
			return kindBinary
		}
	}
	return kindText
}

// magic numbers of formats that people feed to extractors by mistake.
var magics = []struct {
	prefix string
	name   string
}{
	{"\x89PNG", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"%PDF", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive"},
	{"\x1f\x8b", "gzip data"},
	{"RIFF", "a RIFF (WebP, WAV, AVI) file"},
	{"\x00\x00\x01\x00", "an icon"},
	{"BZh", "bzip2 data"},
	{"\xfd7zXZ", "xz data"},
	{"\x7fELF", "an executable"},
	{"OggS", "Ogg media"},
	{"ID3", "MP3 audio"},
}

func binaryName(data []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.name
		}
	}
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		return "an MP4/HEIF media file"
	}
	if bytes.IndexByte(data[:min(len(data), 1024)], 0) >= 0 && !bytes.HasPrefix(data, []byte("\xff\xfe")) && !bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return "binary data"
	}
	return ""
}
