package extract

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// toUTF8 decodes a page to UTF-8. The charset is chosen, in order of
// trust, by a byte-order mark, the HTTP Content-Type header, a <meta>
// declaration in the first KiB, and finally by checking whether the bytes
// are valid UTF-8 (windows-1252 otherwise). The result is always valid
// UTF-8: bytes that do not decode become U+FFFD rather than an error, so a
// page with one bad byte still yields its article.
func toUTF8(data []byte, contentType string) (string, error) {
	b, err := utf8Bytes(data, contentType)
	return string(b), err
}

// utf8Bytes is toUTF8 as bytes: data itself, less a byte-order mark,
// when it is valid UTF-8 already, so that a page the parser only reads
// is not copied first.
func utf8Bytes(data []byte, contentType string) ([]byte, error) {
	enc, name := pickEncoding(data, contentType)
	if enc == nil || name == "utf-8" {
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if utf8.Valid(data) {
			return data, nil
		}
		return bytes.ToValidUTF8(data, []byte("\uFFFD")), nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	if !utf8.Valid(out) {
		return bytes.ToValidUTF8(out, []byte("\uFFFD")), nil
	}
	return out, nil
}

func pickEncoding(data []byte, contentType string) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return nil, "utf-8"
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	}
	head := data
	if len(head) > 2048 {
		head = head[:2048]
	}
	enc, name, certain := charset.DetermineEncoding(head, contentType)
	if certain || name != "windows-1252" {
		// A declared UTF-8 page that is not valid UTF-8 is usually
		// windows-1252 mislabelled; keep it as UTF-8 with replacement
		// characters since guessing wrong would garble every accent.
		return enc, name
	}
	// Nothing declared in the first KiB: DetermineEncoding guessed
	// windows-1252. Prefer UTF-8 when the whole page is valid UTF-8, then a
	// charset declared further down (long inline scripts push it past the
	// first KiB on many pages).
	if utf8.Valid(data) {
		return nil, "utf-8"
	}
	if e, n := laterCharset(data); e != nil {
		return e, n
	}
	return enc, name
}

// laterCharset finds a charset=... declaration in the first 32 KiB.
func laterCharset(data []byte) (encoding.Encoding, string) {
	head := data[:min(len(data), 32<<10)]
	lower := bytes.ToLower(head)
	i := bytes.Index(lower, []byte("charset="))
	if i < 0 {
		return nil, ""
	}
	rest := lower[i+len("charset="):]
	rest = bytes.TrimLeft(rest, "\"' ")
	end := bytes.IndexAny(rest, "\"' ;>/")
	if end < 0 || end > 40 {
		return nil, ""
	}
	e, n := charset.Lookup(string(rest[:end]))
	if e == nil || n == "utf-8" {
		return nil, ""
	}
	return e, n
}
