package warc

import (
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/base32"
	"io"
	"strings"
	"testing"
	"time"
)

const httpResponse = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><p>Hello</p></html>"

// testRecords are the records the round-trip tests write and read back.
func testRecords() []*Record {
	date := time.Date(2025, 8, 16, 9, 30, 0, 123456789, time.UTC)
	return []*Record{
		{Type: TypeWarcinfo, Date: date, Header: Header{{"Content-Type", "application/warc-fields"}},
			Body: strings.NewReader("software: dateline\r\n")},
		{Type: TypeResponse, Date: date, TargetURI: "https://example.com/news/1",
			Header: Header{{"Content-Type", "application/http; msgtype=response"}},
			Body:   strings.NewReader(httpResponse)},
		{Type: TypeResource, Date: date, TargetURI: "file:///notes.txt", ID: "urn:uuid:2a3b61b0-0c55-4d1e-9a0a-5c2d1a5e7f00",
			Header: Header{{"Content-Type", "text/plain"}}, Body: strings.NewReader("plain words")},
		{Type: TypeMetadata, Date: date, Body: nil},
	}
}

func writeRecords(t testing.TB, compress bool, recs []*Record) ([]byte, []int64) {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, compress)
	var offsets []int64
	for _, r := range recs {
		offsets = append(offsets, w.Offset())
		if err := w.WriteRecord(r); err != nil {
			t.Fatalf("WriteRecord: %v", err)
		}
	}
	return buf.Bytes(), offsets
}

func sha1Base32(b []byte) string {
	sum := sha1.Sum(b)
	return "sha1:" + base32.StdEncoding.EncodeToString(sum[:])
}

func TestRoundTrip(t *testing.T) {
	for _, compress := range []bool{false, true} {
		name := "plain"
		if compress {
			name = "gzip"
		}
		t.Run(name, func(t *testing.T) {
			want := testRecords()
			blocks := []string{"software: dateline\r\n", httpResponse, "plain words", ""}
			data, _ := writeRecords(t, compress, want)
			r := NewReader(bytes.NewReader(data))
			for i, w := range want {
				got, err := r.Next()
				if err != nil {
					t.Fatalf("record %d: %v", i+1, err)
				}
				body, err := io.ReadAll(got.Body)
				if err != nil {
					t.Fatalf("record %d body: %v", i+1, err)
				}
				if got.Version != "WARC/1.1" || got.Type != w.Type || got.ID != w.ID || got.TargetURI != w.TargetURI {
					t.Errorf("record %d: got %s %s %s %s, want WARC/1.1 %s %s %s", i+1,
						got.Version, got.Type, got.ID, got.TargetURI, w.Type, w.ID, w.TargetURI)
				}
				if !got.Date.Equal(w.Date) {
					t.Errorf("record %d: got date %v, want %v", i+1, got.Date, w.Date)
				}
				if string(body) != blocks[i] || got.ContentLength != int64(len(blocks[i])) {
					t.Errorf("record %d: got body %q (Content-Length %d), want %q", i+1, body, got.ContentLength, blocks[i])
				}
				if d := got.Header.Get("warc-block-digest"); d != sha1Base32(body) {
					t.Errorf("record %d: got block digest %s, want %s", i+1, d, sha1Base32(body))
				}
				if !strings.HasPrefix(got.Header.Get("WARC-Record-ID"), "<urn:uuid:") {
					t.Errorf("record %d: got WARC-Record-ID %q", i+1, got.Header.Get("WARC-Record-ID"))
				}
				if got.Number != i+1 {
					t.Errorf("record %d: got Number %d", i+1, got.Number)
				}
			}
			if _, err := r.Next(); err != io.EOF {
				t.Fatalf("after the last record: got %v, want io.EOF", err)
			}
		})
	}
}

func TestWriterDigests(t *testing.T) {
	recs := testRecords()
	data, _ := writeRecords(t, false, recs)
	r := NewReader(bytes.NewReader(data))
	want := map[string]string{
		TypeWarcinfo: "",
		TypeResponse: sha1Base32([]byte("<html><p>Hello</p></html>")),
		TypeResource: sha1Base32([]byte("plain words")),
		TypeMetadata: "",
	}
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := rec.Header.Get("WARC-Payload-Digest"); got != want[rec.Type] {
			t.Errorf("%s: got payload digest %q, want %q", rec.Type, got, want[rec.Type])
		}
	}
}

func TestWriterChunkedPayloadDigest(t *testing.T) {
	block := "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n6\r\n world\r\n0\r\n\r\n"
	rec := &Record{Type: TypeResponse, Header: Header{{"Content-Type", "application/http; msgtype=response"}},
		Body: strings.NewReader(block)}
	data, _ := writeRecords(t, false, []*Record{rec})
	got, err := NewReader(bytes.NewReader(data)).Next()
	if err != nil {
		t.Fatal(err)
	}
	if d, want := got.Header.Get("WARC-Payload-Digest"), sha1Base32([]byte("Hello world")); d != want {
		t.Errorf("got payload digest %s, want %s (of the de-chunked body)", d, want)
	}
}

func TestWriterRefusesBadFields(t *testing.T) {
	tests := []struct {
		name string
		rec  *Record
	}{
		{"no type", &Record{}},
		{"line end in value", &Record{Type: TypeResource, TargetURI: "http://a/\r\nWARC-Type: forged"}},
		{"colon in name", &Record{Type: TypeResource, Header: Header{{"A:B", "c"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := NewWriter(&buf, false).WriteRecord(tt.rec); err == nil {
				t.Fatalf("got no error, want one")
			}
			if buf.Len() != 0 {
				t.Errorf("got %d bytes written, want none", buf.Len())
			}
		})
	}
}

func TestWriterSetsIDAndDate(t *testing.T) {
	rec := &Record{Type: TypeResource}
	before := time.Now()
	writeRecords(t, false, []*Record{rec})
	if !strings.HasPrefix(rec.ID, "urn:uuid:") || len(rec.ID) != len("urn:uuid:")+36 {
		t.Errorf("got ID %q, want a urn:uuid", rec.ID)
	}
	if rec.Date.Before(before.Add(-time.Second)) {
		t.Errorf("got Date %v, want about now", rec.Date)
	}
}

// TestMemberPerRecord checks the Common Crawl layout: every record is its
// own gzip member, so reading from a record's offset yields that record.
func TestMemberPerRecord(t *testing.T) {
	recs := testRecords()
	data, offsets := writeRecords(t, true, recs)
	for i, off := range offsets {
		zr, err := gzip.NewReader(bytes.NewReader(data[off:]))
		if err != nil {
			t.Fatalf("record %d: no gzip member at offset %d: %v", i+1, off, err)
		}
		zr.Multistream(false)
		member, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(member, []byte("WARC/1.1\r\n")); n != 1 {
			t.Errorf("member %d: got %d records, want 1", i+1, n)
		}
	}
	for i, off := range offsets {
		rec, err := NewReader(bytes.NewReader(data[off:])).Next()
		if err != nil {
			t.Fatalf("record %d from offset %d: %v", i+1, off, err)
		}
		if rec.ID != recs[i].ID {
			t.Errorf("record %d from offset %d: got %s, want %s", i+1, off, rec.ID, recs[i].ID)
		}
	}
}

// TestWholeFileGzip reads a WARC gzipped as one member.
func TestWholeFileGzip(t *testing.T) {
	plain, _ := writeRecords(t, false, testRecords())
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(plain)
	zw.Close()
	r := NewReader(&buf)
	n := 0
	for {
		_, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 4 {
		t.Errorf("got %d records, want 4", n)
	}
}
