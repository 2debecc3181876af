package warc

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"strings"
	"testing"
)

func compressed(t *testing.T, kind, s string) string {
	t.Helper()
	var buf bytes.Buffer
	var w io.WriteCloser
	switch kind {
	case "gzip":
		w = gzip.NewWriter(&buf)
	case "zlib":
		w = zlib.NewWriter(&buf)
	case "flate":
		w, _ = flate.NewWriter(&buf, flate.DefaultCompression)
	}
	io.WriteString(w, s)
	w.Close()
	return buf.String()
}

func TestReadResponse(t *testing.T) {
	const page = "<html><p>Hello</p></html>"
	tests := []struct {
		name       string
		block      string
		wantStatus int
		wantType   string
		wantBody   string
	}{
		{"plain", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page, 200, "text/html", page},
		{"no reason, LF ends, junk line", "HTTP/1.0 404\nthis is junk\ncontent-type: text/plain\n\nmissing", 404, "text/plain", "missing"},
		{"chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<html\r\n14\r\n><p>Hello</p></html>\r\n0\r\n\r\n", 200, "", page},
		{"chunked header, body already de-chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + page, 200, "", page},
		{"gzip", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + compressed(t, "gzip", page), 200, "", page},
		{"gzip header, body already decoded", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + page, 200, "", page},
		{"deflate as zlib", "HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" + compressed(t, "zlib", page), 200, "", page},
		{"deflate raw", "HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" + compressed(t, "flate", page), 200, "", page},
		{"two codings", "HTTP/1.1 200 OK\r\nContent-Encoding: deflate, gzip\r\n\r\n" + compressed(t, "gzip", compressed(t, "zlib", page)), 200, "", page},
		{"folded header", "HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=utf-8\r\n\r\n" + page, 200, "text/html; charset=utf-8", page},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := ReadResponse(strings.NewReader(tt.block))
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.wantStatus || resp.Header.Get("Content-Type") != tt.wantType {
				t.Errorf("got %d %q, want %d %q", resp.StatusCode, resp.Header.Get("Content-Type"), tt.wantStatus, tt.wantType)
			}
			body, err := resp.DecodedBody()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(body)
			if err != nil || string(b) != tt.wantBody {
				t.Errorf("got body %q (%v), want %q", b, err, tt.wantBody)
			}
		})
	}
}

func TestReadResponseErrors(t *testing.T) {
	tests := []struct {
		name  string
		block string
		want  error
	}{
		{"request, not response", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", ErrFormat},
		{"status not a number", "HTTP/1.1 abc OK\r\n\r\n", ErrFormat},
		{"header cut", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", io.ErrUnexpectedEOF},
		{"empty", "", io.ErrUnexpectedEOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadResponse(strings.NewReader(tt.block))
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestDecodeContentUnsupported(t *testing.T) {
	if _, err := DecodeContent(strings.NewReader("x"), "br"); !errors.Is(err, ErrEncoding) {
		t.Errorf("got %v, want ErrEncoding", err)
	}
}

func TestResponseBodyLength(t *testing.T) {
	rec := &Record{Type: TypeResponse, Header: Header{{"Content-Type", "application/http; msgtype=response"}},
		Body: strings.NewReader(httpResponse)}
	data, _ := writeRecords(t, false, []*Record{rec})
	got, err := NewReader(bytes.NewReader(data)).Next()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := ReadResponse(got.Body)
	if err != nil {
		t.Fatal(err)
	}
	if want := int64(len("<html><p>Hello</p></html>")); resp.BodyLength != want {
		t.Errorf("got BodyLength %d, want %d", resp.BodyLength, want)
	}
}
