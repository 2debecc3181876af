package input

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/warc"
)

// id returns the n-th fixed record ID of the tests.
func id(n int) string { return fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", n) }

const httpType = "application/http; msgtype=response"

func htmlResponse(uri, html string) *warc.Record {
	return response(uri, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"+html)
}

func response(uri, block string) *warc.Record {
	return &warc.Record{Type: warc.TypeResponse, TargetURI: uri,
		Header: warc.Header{{Name: "Content-Type", Value: httpType}}, Body: strings.NewReader(block)}
}

// warcFile writes records with IDs id(1), id(2), ...
func warcFile(t testing.TB, compress bool, recs ...*warc.Record) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, compress)
	for i, r := range recs {
		r.ID = id(i + 1)
		if err := w.WriteRecord(r); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

func TestWARC(t *testing.T) {
	gzipped := string(gz(t, []byte("<p>zipped and chunked</p>")))
	chunked := fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(gzipped), gzipped)
	recs := []*warc.Record{
		{Type: warc.TypeWarcinfo, Body: strings.NewReader("software: test\r\n")},
		{Type: warc.TypeRequest, TargetURI: "http://example.com/a", Body: strings.NewReader("GET /a HTTP/1.1\r\n\r\n")},
		htmlResponse("http://example.com/a", "<p>a</p>"),
		response("http://example.com/logo.png", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"),
		response("http://example.com/gone", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>"),
		response("http://example.com/z", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"+chunked),
		{Type: warc.TypeResource, TargetURI: "file:///notes.txt", Header: warc.Header{{Name: "Content-Type", Value: "text/plain"}},
			Body: strings.NewReader("plain notes")},
		{Type: warc.TypeRevisit, TargetURI: "http://example.com/a", Body: strings.NewReader("HTTP/1.1 200 OK\r\n\r\n")},
		{Type: warc.TypeResponse, TargetURI: "dns:example.com", Header: warc.Header{{Name: "Content-Type", Value: "text/dns"}},
			Body: strings.NewReader("20250816 example.com. 300 IN A 192.0.2.1")},
		response("http://example.com/big", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"+strings.Repeat("x", 200)),
		response("http://example.com/br", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\nxx"),
		response("http://example.com/untyped", "HTTP/1.1 200 OK\r\n\r\n<!DOCTYPE html><p>sniffed</p>"),
		response("http://example.com/untyped.pdf", "HTTP/1.1 200 OK\r\n\r\n%PDF-1.4"),
		htmlResponse("http://example.com/last", "<p>last</p>"),
	}
	data := warcFile(t, true, recs...)
	// Content decides, not the name.
	path := filepath.Join(t.TempDir(), "crawl.bin")
	writeFile(t, path, data)

	items := walk(t, Options{MaxBytes: 100}, path)
	checkErrors(t, items)
	got := strings.ReplaceAll(summary(items), path, "F")
	want := `F#` + id(3) + `: <p>a</p>
F#` + id(6) + `: <p>zipped and chunked</p>
F#` + id(7) + `: plain notes
F#` + id(10) + `: ERROR F#` + id(10) + `: input too large: payload of 200 bytes, over 100
F#` + id(11) + `: ERROR F#` + id(11) + `: unsupported Content-Encoding "br"
F#` + id(12) + `: <!DOCTYPE html><p>sniffed</p>
F#` + id(14) + `: <p>last</p>
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if it := items[0]; it.URL != "http://example.com/a" || it.ContentType != "text/html; charset=utf-8" {
		t.Errorf("got URL %q, Content-Type %q", it.URL, it.ContentType)
	}
}

func TestWARCTruncated(t *testing.T) {
	for _, compress := range []bool{false, true} {
		t.Run(fmt.Sprint("gzip=", compress), func(t *testing.T) {
			data := warcFile(t, compress,
				htmlResponse("http://example.com/1", "<p>one</p>"),
				htmlResponse("http://example.com/2", "<p>two</p>"),
				htmlResponse("http://example.com/3", "<p>three</p>"+strings.Repeat(" ", 500)))
			path := filepath.Join(t.TempDir(), "cut.warc.gz")
			writeFile(t, path, data[:len(data)-200])
			items := walk(t, Options{}, path, path)
			t.Log(summary(items))
			checkErrors(t, items)
			if len(items) != 6 {
				t.Fatalf("got %d items, want 3 twice:\n%s", len(items), summary(items))
			}
			if items[0].Err != nil || items[1].Err != nil || string(items[1].Body) != "<p>two</p>" {
				t.Errorf("got\n%s\nwant the two whole records first", summary(items))
			}
			msg := fmt.Sprint(items[2].Err)
			if items[2].Source != path || !strings.HasPrefix(msg, path+": warc: record 3 at offset ") {
				t.Errorf("got %q from %s, want an error naming %s and record 3", msg, items[2].Source, path)
			}
		})
	}
}

func TestWARCBombs(t *testing.T) {
	// A resource record declaring 1 GiB of zeros, gzipped across many
	// members: the record is refused unread, and skipping it stops at the
	// expansion bound.
	var bomb bytes.Buffer
	bomb.Write(warcFile(t, true, htmlResponse("http://example.com/ok", "<p>ok</p>")))
	bomb.Write(gz(t, fmt.Appendf(nil, "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:bomb>\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n", 1<<30)))
	bomb.Write(zeroBomb(t))

	// A response whose HTTP payload is a gzip bomb: decoding stops at
	// MaxBytes.
	payload := gz(t, make([]byte, 16<<20))
	encoded := warcFile(t, true, response("http://example.com/z",
		"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"+string(payload)))

	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.warc.gz"), bomb.Bytes())
	writeFile(t, filepath.Join(dir, "b.warc.gz"), encoded)
	items := walk(t, Options{MaxBytes: 1 << 20}, dir)
	t.Log(summary(items))
	checkErrors(t, items)
	if len(items) != 4 {
		t.Fatalf("got %d items, want 4:\n%s", len(items), summary(items))
	}
	if string(items[0].Body) != "<p>ok</p>" {
		t.Errorf("got %s, want the page before the bomb", summary(items[:1]))
	}
	if !errors.Is(items[1].Err, ErrTooLarge) || !strings.HasSuffix(items[1].Source, "#urn:uuid:bomb") {
		t.Errorf("got %s, want the bomb record refused as too large", summary(items[1:2]))
	}
	if !errors.Is(items[2].Err, warc.ErrBomb) {
		t.Errorf("got %s, want warc.ErrBomb while skipping it", summary(items[2:3]))
	}
	if !errors.Is(items[3].Err, ErrTooLarge) {
		t.Errorf("got %s, want the encoded payload cut at MaxBytes", summary(items[3:]))
	}
}
