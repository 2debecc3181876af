package warc

import (
	"bytes"
	"io"
	"testing"
)

// FuzzReader feeds arbitrary bytes to the reader and to the HTTP parsing
// of response records: nothing may panic, and a record's Body may never
// yield more than its Content-Length.
func FuzzReader(f *testing.F) {
	plain, _ := writeRecords(f, false, testRecords())
	gz, _ := writeRecords(f, true, testRecords())
	f.Add(plain)
	f.Add(gz)
	f.Add(plain[:len(plain)/2])
	f.Add(gz[:len(gz)/2])
	f.Add([]byte("WARC/1.0\nContent-Length: 5\n\nHTTP/1.1 200\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n"))
	f.Add([]byte("WARC/1.1\r\nContent-Length: 99999999999\r\n\r\nabc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data))
		for i := 0; i < 1000; i++ {
			rec, err := r.Next()
			if err != nil {
				return
			}
			if i%2 == 1 {
				continue // leave the body for Next to skip
			}
			var body io.Reader = rec.Body
			if resp, err := ReadResponse(rec.Body); err == nil {
				if dec, err := resp.DecodedBody(); err == nil {
					body = dec
				}
			}
			n, _ := io.Copy(io.Discard, io.LimitReader(body, 1<<20))
			if body == rec.Body && n > rec.ContentLength {
				t.Fatalf("record %d: body gave %d bytes, Content-Length is %d", rec.Number, n, rec.ContentLength)
			}
		}
	})
}
