package warc

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Writer writes WARC/1.1 records, each gzipped as its own member when asked
// (the Common Crawl layout), so that every record can later be read alone
// from its offset.
type Writer struct {
	w  countWriter
	zw *gzip.Writer // nil: uncompressed
}

// NewWriter returns a Writer to w that gzips each record when compress is
// true.
func NewWriter(w io.Writer, compress bool) *Writer {
	ww := &Writer{w: countWriter{w: w}}
	if compress {
		ww.zw = gzip.NewWriter(&ww.w)
	}
	return ww
}

// Offset returns the number of bytes written to the underlying writer so
// far: read before and after WriteRecord, it gives a record's place in the
// file, as CDX indexes record it.
func (w *Writer) Offset() int64 { return w.w.n }

// managed lists the fields WriteRecord writes itself; copies in
// Record.Header are ignored. WARC-Payload-Digest is not among them: a
// revisit record carries the digest of another record's payload.
var managed = []string{"WARC-Type", "WARC-Record-ID", "WARC-Date", "WARC-Target-URI",
	"WARC-Block-Digest", "Content-Length"}

// WriteRecord writes r, reading its Body whole (it is buffered to compute
// the digests). It sets r.ID to a new urn:uuid when empty, r.Date to now
// when zero, and r.ContentLength. It adds WARC-Block-Digest and, for
// response, resource, request and conversion records, WARC-Payload-Digest
// (SHA-1 in base32, the form Heritrix and Common Crawl use), unless
// r.Header has one.
func (w *Writer) WriteRecord(r *Record) error {
	if r.Type == "" {
		return errors.New("warc: record has no Type")
	}
	var block []byte
	if r.Body != nil {
		var err error
		if block, err = io.ReadAll(r.Body); err != nil {
			return fmt.Errorf("warc: reading record body: %w", err)
		}
	}
	if r.ID == "" {
		r.ID = newID()
	}
	if r.Date.IsZero() {
		r.Date = time.Now().UTC()
	}
	r.ContentLength = int64(len(block))

	var h header
	h.buf.WriteString("WARC/1.1\r\n")
	h.add("WARC-Type", r.Type)
	h.add("WARC-Record-ID", "<"+unbracket(r.ID)+">")
	h.add("WARC-Date", r.Date.UTC().Format(time.RFC3339Nano))
	if r.TargetURI != "" {
		h.add("WARC-Target-URI", r.TargetURI)
	}
	for _, f := range r.Header {
		if !isManaged(f.Name) && !strings.EqualFold(f.Name, "WARC-Payload-Digest") {
			h.add(f.Name, f.Value)
		}
	}
	pd := r.Header.Get("WARC-Payload-Digest")
	if pd == "" {
		pd = payloadDigest(r.Type, r.Header.Get("Content-Type"), block)
	}
	if pd != "" {
		h.add("WARC-Payload-Digest", pd)
	}
	h.add("WARC-Block-Digest", digest(bytes.NewReader(block)))
	h.add("Content-Length", strconv.Itoa(len(block)))
	h.buf.WriteString("\r\n")
	if h.err != nil {
		return h.err
	}
	return w.write(h.buf.Bytes(), block, []byte("\r\n\r\n"))
}

// write writes parts as one record, in one gzip member when compressing.
func (w *Writer) write(parts ...[]byte) error {
	var out io.Writer = &w.w
	if w.zw != nil {
		w.zw.Reset(&w.w)
		out = w.zw
	}
	for _, p := range parts {
		if _, err := out.Write(p); err != nil {
			return fmt.Errorf("warc: writing record: %w", err)
		}
	}
	if w.zw != nil {
		if err := w.zw.Close(); err != nil {
			return fmt.Errorf("warc: writing record: %w", err)
		}
	}
	return nil
}

func isManaged(name string) bool {
	for _, m := range managed {
		if strings.EqualFold(name, m) {
			return true
		}
	}
	return false
}

// header builds a record header, refusing fields that would break the
// record syntax (a line end inside a value would forge fields).
type header struct {
	buf bytes.Buffer
	err error
}

func (h *header) add(name, value string) {
	if h.err != nil {
		return
	}
	if name == "" || strings.ContainsAny(name, ": \t\r\n") || strings.ContainsAny(value, "\r\n") {
		h.err = fmt.Errorf("warc: bad header field %q: %q", name, value)
		return
	}
	h.buf.WriteString(name)
	h.buf.WriteString(": ")
	h.buf.WriteString(value)
	h.buf.WriteString("\r\n")
}

// payloadDigest digests the payload of a block: the entity body of an HTTP
// message, the block itself otherwise (WARC/1.1 §5.9). Record types without
// a payload get "".
func payloadDigest(typ, contentType string, block []byte) string {
	switch typ {
	case TypeResponse, TypeResource, TypeRequest, TypeConversion:
	default:
		return ""
	}
	if strings.HasPrefix(strings.ToLower(contentType), "application/http") {
		if p, ok := httpPayload(block); ok {
			return digest(p)
		}
		return ""
	}
	return digest(bytes.NewReader(block))
}

// digest returns "sha1:" and the base32 SHA-1 of what r yields.
func digest(r io.Reader) string {
	h := sha1.New()
	if _, err := io.Copy(h, r); err != nil {
		return ""
	}
	return "sha1:" + base32.StdEncoding.EncodeToString(h.Sum(nil))
}

// newID returns a random (version 4) UUID URN, RFC 9562 §5.4.
func newID() string {
	var u [16]byte
	rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
