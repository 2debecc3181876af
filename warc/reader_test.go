package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// readAllRecords reads every record, returning the IDs read before the
// first error and that error (nil at a clean end).
func readAllRecords(r *Reader) ([]string, error) {
	var ids []string
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return ids, nil
		}
		if err != nil {
			return ids, err
		}
		if _, err := io.Copy(io.Discard, rec.Body); err != nil {
			return ids, err
		}
		ids = append(ids, rec.ID)
	}
}

func TestTruncated(t *testing.T) {
	recs := testRecords()
	plain, poff := writeRecords(t, false, recs)
	pids := []string{recs[0].ID, recs[1].ID, recs[2].ID}
	recs = testRecords()
	gz, goff := writeRecords(t, true, recs)
	gids := []string{recs[0].ID, recs[1].ID, recs[2].ID}

	// corrupt flips bytes in the middle of the third gzip member.
	corrupt := bytes.Clone(gz)
	mid := (goff[2] + goff[3]) / 2
	for i := mid - 4; i < mid+4; i++ {
		corrupt[i] ^= 0x55
	}

	tests := []struct {
		name    string
		data    []byte
		ids     []string
		wantIDs int
		wantNum int
		wantIs  error
	}{
		{"plain cut mid-block", plain[:poff[1]+300], pids, 1, 2, io.ErrUnexpectedEOF},
		{"plain cut mid-header", plain[:poff[2]+40], pids, 2, 3, io.ErrUnexpectedEOF},
		{"gzip cut mid-member", gz[:goff[2]+30], gids, 2, 3, io.ErrUnexpectedEOF},
		{"gzip member corrupt", corrupt, gids, 2, 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAllRecords(NewReader(bytes.NewReader(tt.data)))
			if fmt.Sprint(got) != fmt.Sprint(tt.ids[:tt.wantIDs]) {
				t.Errorf("got records %v, want %v", got, tt.ids[:tt.wantIDs])
			}
			var re *RecordError
			if !errors.As(err, &re) {
				t.Fatalf("got error %v, want a *RecordError", err)
			}
			if re.Number != tt.wantNum {
				t.Errorf("got record number %d, want %d (%v)", re.Number, tt.wantNum, err)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("got %v, want it to wrap %v", err, tt.wantIs)
			}
			if !strings.Contains(err.Error(), fmt.Sprintf("record %d at offset ", tt.wantNum)) || strings.Contains(err.Error(), "\n") {
				t.Errorf("got message %q, want one line naming the record and offset", err)
			}
			if strings.HasPrefix(tt.name, "gzip") && re.GzipOffset != goff[2] {
				t.Errorf("got gzip offset %d, want %d", re.GzipOffset, goff[2])
			}
			if _, again := NewReader(bytes.NewReader(tt.data)).Next(); again != nil && tt.wantIDs > 0 {
				t.Errorf("first record of a file truncated later: %v", again)
			}
		})
	}
}

// zeroMembers returns n gzip members of 1 MiB of zeros each, about 1 KiB
// apiece: a cheap way to build a gigabyte-sized bomb.
func zeroMembers(t testing.TB, n int) []byte {
	t.Helper()
	var one bytes.Buffer
	zw := gzip.NewWriter(&one)
	zw.Write(make([]byte, 1<<20))
	zw.Close()
	return bytes.Repeat(one.Bytes(), n)
}

func TestBomb(t *testing.T) {
	// A resource record claiming 1 GiB of zeros, its header in one member
	// and its block in 1024 more: each member alone looks harmless.
	var data bytes.Buffer
	zw := gzip.NewWriter(&data)
	fmt.Fprintf(zw, "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:bomb>\r\nContent-Length: %d\r\n\r\n", 1<<30)
	zw.Close()
	data.Write(zeroMembers(t, 1024))

	start := time.Now()
	r := NewReader(&data)
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, rec.Body)
	if !errors.Is(err, ErrBomb) {
		t.Fatalf("got %v after %d bytes, want ErrBomb", err, n)
	}
	if n > 8<<20 {
		t.Errorf("got %d bytes out before stopping, want a few MiB at most", n)
	}
	if _, err := r.Next(); !errors.Is(err, ErrBomb) {
		t.Errorf("Next after a bomb: got %v, want the same error", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v to stop a bomb", d)
	}
}

func TestLenientSyntax(t *testing.T) {
	// LF line ends, a folded field, bracketed WARC/1.0 target URI, extra
	// blank lines between records and a missing final trailer.
	data := "WARC/1.0\nWARC-Type: response\nWARC-Target-URI: <http://example.com/a>\nX-Long: one\n two\nContent-Length: 3\n\nabc\n\n\n\n" +
		"WARC/1.0\r\nWARC-Type: resource\r\ncontent-length: 2\r\n\r\nxy"
	r := NewReader(strings.NewReader(data))
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if rec.TargetURI != "http://example.com/a" || rec.Header.Get("x-long") != "one two" {
		t.Errorf("got target %q, X-Long %q", rec.TargetURI, rec.Header.Get("x-long"))
	}
	rec, err = r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(rec.Body); string(b) != "xy" {
		t.Errorf("got body %q, want xy", b)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("got %v, want io.EOF", err)
	}
}

func TestMalformed(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"not WARC", "<html>hello</html>"},
		{"no Content-Length", "WARC/1.1\r\nWARC-Type: resource\r\n\r\n"},
		{"bad Content-Length", "WARC/1.1\r\nContent-Length: -4\r\n\r\n"},
		{"line without colon", "WARC/1.1\r\nno colon here\r\nContent-Length: 0\r\n\r\n"},
		{"continuation first", "WARC/1.1\r\n folded\r\nContent-Length: 0\r\n\r\n"},
		{"junk after block", "WARC/1.1\r\nContent-Length: 1\r\n\r\nabc\r\n\r\n"},
		{"endless line", "WARC/1.1\r\nX: " + strings.Repeat("a", maxLine+10)},
		{"gzip junk after member", gzipped("WARC/1.1\r\nContent-Length: 0\r\n\r\n\r\n\r\n") + "junk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAllRecords(NewReader(strings.NewReader(tt.data)))
			var re *RecordError
			if !errors.As(err, &re) {
				t.Fatalf("got %v, want a *RecordError", err)
			}
			t.Log(err)
		})
	}
}

func TestHeader(t *testing.T) {
	h := Header{{"Content-Type", "a"}, {"X", "1"}, {"content-type", "b"}}
	if got := h.Get("CONTENT-TYPE"); got != "a" {
		t.Errorf("Get: got %q, want a", got)
	}
	if got := h.Values("content-type"); len(got) != 2 {
		t.Errorf("Values: got %v, want 2 values", got)
	}
	h.Set("Content-Type", "c")
	if fmt.Sprint(h) != "[{Content-Type c} {X 1}]" {
		t.Errorf("Set: got %v", h)
	}
	h.Set("Y", "2")
	h.Del("x")
	if fmt.Sprint(h) != "[{Content-Type c} {Y 2}]" {
		t.Errorf("Set, Del: got %v", h)
	}
}

func gzipped(s string) string {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	io.WriteString(zw, s)
	zw.Close()
	return buf.String()
}
