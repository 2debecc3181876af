package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"
)

// Response is the HTTP response stored in the block of a response record
// (Content-Type "application/http; msgtype=response").
type Response struct {
	Proto      string // "HTTP/1.1"
	StatusCode int    // 200
	Status     string // "200 OK"
	Header     http.Header
	// Body reads the payload: what follows the header, with the chunked
	// transfer coding removed but any Content-Encoding still applied (see
	// DecodedBody).
	Body io.Reader
	// BodyLength is the number of bytes after the header, counted before
	// de-chunking, when ReadResponse was given a Record's Body; otherwise -1.
	BodyLength int64
}

// ReadResponse parses the HTTP response at the start of r, typically a
// response record's Body. It reads the status line and header only; the
// payload is left in Body. Header lines that are not "Name: value" are
// skipped, as archived responses carry all sorts of server mistakes.
func ReadResponse(r io.Reader) (*Response, error) {
	cr := &countReader{r: r}
	br := bufio.NewReaderSize(cr, 16<<10)
	line, err := readLine(br, maxLine)
	if err != nil {
		return nil, fmt.Errorf("http status line: %w", unexpected(err))
	}
	resp, err := parseStatusLine(line)
	if err != nil {
		return nil, err
	}
	if resp.Header, err = readHTTPHeader(br); err != nil {
		return nil, fmt.Errorf("http header: %w", err)
	}
	resp.BodyLength = -1
	if b, ok := r.(*blockReader); ok {
		resp.BodyLength = b.left + int64(br.Buffered())
	}
	resp.Body = dechunk(br, resp.Header)
	return resp, nil
}

// parseStatusLine reads "HTTP/1.1 200 OK"; the reason phrase may be
// missing.
func parseStatusLine(line []byte) (*Response, error) {
	proto, rest, _ := strings.Cut(string(line), " ")
	code, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
	n, err := strconv.Atoi(code)
	if !strings.HasPrefix(proto, "HTTP/") || len(code) != 3 || err != nil {
		return nil, fmt.Errorf("%w: bad http status line %q", ErrFormat, clip(line, 40))
	}
	return &Response{Proto: proto, StatusCode: n, Status: strings.TrimLeft(rest, " ")}, nil
}

// readHTTPHeader reads header lines up to the empty line, leniently.
func readHTTPHeader(br *bufio.Reader) (http.Header, error) {
	h := http.Header{}
	last, size := "", 0
	for {
		line, err := readLine(br, maxLine)
		if err != nil {
			return nil, unexpected(err)
		}
		if size += len(line); size > maxHeader {
			return nil, fmt.Errorf("%w: http header over %d bytes", ErrFormat, maxHeader)
		}
		if len(line) == 0 {
			return h, nil
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			vs := h[last]
			vs[len(vs)-1] += " " + string(bytes.TrimSpace(line))
			continue
		}
		i := bytes.IndexByte(line, ':')
		if i <= 0 {
			last = ""
			continue
		}
		key := textproto.CanonicalMIMEHeaderKey(string(bytes.TrimSpace(line[:i])))
		h[key] = append(h[key], string(bytes.TrimSpace(line[i+1:])))
		last = key
	}
}

// dechunk removes the chunked transfer coding when the header declares it
// and the body really starts with a chunk-size line: some archivers store
// the body de-chunked but keep the header.
func dechunk(br *bufio.Reader, h http.Header) io.Reader {
	te := strings.ToLower(strings.Join(h.Values("Transfer-Encoding"), ","))
	if !strings.Contains(te, "chunked") || !looksChunked(br) {
		return br
	}
	return httputil.NewChunkedReader(br)
}

// looksChunked reports whether br starts with a chunk-size line: hex digits
// then ";", a blank or a line end.
func looksChunked(br *bufio.Reader) bool {
	head, _ := br.Peek(20)
	i := 0
	for i < len(head) && isHex(head[i]) {
		i++
	}
	if i == 0 || i == len(head) {
		return false
	}
	switch head[i] {
	case ';', ' ', '\t', '\r', '\n':
		return true
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// DecodedBody returns Body with the Content-Encoding undone. Its output is
// unbounded: cap what you read from it.
func (r *Response) DecodedBody() (io.Reader, error) {
	return DecodeContent(r.Body, strings.Join(r.Header.Values("Content-Encoding"), ","))
}

// ErrEncoding reports a Content-Encoding that DecodeContent cannot undo
// (br, zstd, compress).
var ErrEncoding = errors.New("unsupported Content-Encoding")

// DecodeContent undoes an HTTP Content-Encoding list ("gzip",
// "deflate, gzip", ...), last coding first. A gzip coding whose data lacks
// the gzip magic number is taken as already decoded, which archivers that
// store decoded bodies produce. Its output is unbounded: cap what you read.
func DecodeContent(body io.Reader, encoding string) (io.Reader, error) {
	codings := strings.Split(encoding, ",")
	for i := len(codings) - 1; i >= 0; i-- {
		c := strings.ToLower(strings.TrimSpace(codings[i]))
		var err error
		switch c {
		case "", "identity":
		case "gzip", "x-gzip":
			body, err = gunzipIfMagic(body)
		case "deflate":
			body, err = inflate(body)
		default:
			return nil, fmt.Errorf("%w %q", ErrEncoding, c)
		}
		if err != nil {
			return nil, fmt.Errorf("content-encoding %s: %w", c, err)
		}
	}
	return body, nil
}

func gunzipIfMagic(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(2); len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
		return br, nil
	}
	return gzip.NewReader(br)
}

// inflate reads HTTP "deflate", which RFC 9110 defines as zlib but which
// many servers send as raw deflate; the zlib header tells them apart
// (RFC 1950 §2.2: method 8 and a check sum divisible by 31).
func inflate(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	if h, _ := br.Peek(2); len(h) == 2 && h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// httpPayload returns the payload of an HTTP message held in block (the
// entity body, de-chunked), or false when block is no HTTP message.
func httpPayload(block []byte) (io.Reader, bool) {
	br := bufio.NewReader(bytes.NewReader(block))
	if line, err := readLine(br, maxLine); err != nil || !bytes.Contains(line, []byte("HTTP/")) {
		return nil, false
	}
	h, err := readHTTPHeader(br)
	if err != nil {
		return nil, false
	}
	return dechunk(br, h), true
}
