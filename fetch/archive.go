package fetch

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/datelinehq/dateline/warc"
)

// DefaultArchiveSize is the size at which an Archive starts a new file: the
// 1 GB that Heritrix and Common Crawl use.
const DefaultArchiveSize = 1 << 30

// Archive writes every exchange of a Fetcher to gzipped WARC files in a
// directory, a request record and a response record each (linked by
// WARC-Concurrent-To), starting a new file once one passes a size. Bodies
// are stored as sent, before decompression, as WARC/1.1 §6.3 asks.
type Archive struct {
	dir     string
	maxSize int64
	prefix  string

	mu   sync.Mutex
	file *os.File
	w    *warc.Writer
	seq  int
}

// OpenArchive returns an Archive writing into dir (created if need be).
// maxSize 0 means DefaultArchiveSize. Files are named
// dateline-TIME-PID-SEQ.warc.gz, so that runs never write the same file.
func OpenArchive(dir string, maxSize int64) (*Archive, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open archive: %w", err)
	}
	if maxSize <= 0 {
		maxSize = DefaultArchiveSize
	}
	prefix := fmt.Sprintf("dateline-%s-%d", time.Now().UTC().Format("20060102T150405Z"), os.Getpid())
	return &Archive{dir: dir, maxSize: maxSize, prefix: prefix}, nil
}

// Close closes the current file.
func (a *Archive) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.closeFile()
}

func (a *Archive) closeFile() error {
	if a.file == nil {
		return nil
	}
	err := a.file.Close()
	a.file, a.w = nil, nil
	if err != nil {
		return fmt.Errorf("close archive: %w", err)
	}
	return nil
}

// Files returns the paths of the files written so far, in order.
func (a *Archive) Files() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []string
	for i := 1; i <= a.seq; i++ {
		out = append(out, a.name(i))
	}
	return out
}

func (a *Archive) name(seq int) string {
	return filepath.Join(a.dir, fmt.Sprintf("%s-%05d.warc.gz", a.prefix, seq))
}

// rotate opens the next file when there is none or the current one is
// full, and starts it with a warcinfo record.
func (a *Archive) rotate() error {
	if a.w != nil && a.w.Offset() < a.maxSize {
		return nil
	}
	if err := a.closeFile(); err != nil {
		return err
	}
	a.seq++
	f, err := os.OpenFile(a.name(a.seq), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("open archive file: %w", err)
	}
	a.file, a.w = f, warc.NewWriter(f, true)
	info := "software: dateline\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
	return a.w.WriteRecord(&warc.Record{
		Type:   warc.TypeWarcinfo,
		Header: warc.Header{{Name: "Content-Type", Value: "application/warc-fields"}, {Name: "WARC-Filename", Value: filepath.Base(a.name(a.seq))}},
		Body:   strings.NewReader(info),
	})
}

// record writes one exchange: the request as sent and the response with
// its raw body.
func (a *Archive) record(req *http.Request, resp *http.Response, raw []byte, remote string, start time.Time) error {
	reqBlock := requestBlock(req)
	respBlock := responseBlock(resp, raw)
	ip := ""
	if host, _, err := net.SplitHostPort(remote); err == nil {
		ip = host
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if err := a.rotate(); err != nil {
		return err
	}
	target := req.URL.String()
	rs := &warc.Record{Type: warc.TypeResponse, TargetURI: target, Date: start.UTC(), Body: bytes.NewReader(respBlock),
		Header: warc.Header{{Name: "Content-Type", Value: "application/http; msgtype=response"}}}
	if ip != "" {
		rs.Header.Add("WARC-IP-Address", ip)
	}
	if err := a.w.WriteRecord(rs); err != nil {
		return err
	}
	rq := &warc.Record{Type: warc.TypeRequest, TargetURI: target, Date: start.UTC(), Body: bytes.NewReader(reqBlock),
		Header: warc.Header{{Name: "Content-Type", Value: "application/http; msgtype=request"}, {Name: "WARC-Concurrent-To", Value: "<" + rs.ID + ">"}}}
	return a.w.WriteRecord(rq)
}

// requestBlock renders the request as it went on the wire (HTTP/1.1 form).
func requestBlock(req *http.Request) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "GET %s HTTP/1.1\r\nHost: %s\r\n", req.URL.RequestURI(), req.URL.Host)
	req.Header.WriteSubset(&b, nil)
	b.WriteString("\r\n")
	return b.Bytes()
}

// responseBlock renders the status line, the header and the raw body. The
// transfer coding is gone (Go removed it while reading), so the header
// loses Transfer-Encoding and says the true length.
func responseBlock(resp *http.Response, raw []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/%d.%d %s\r\n", resp.ProtoMajor, resp.ProtoMinor, resp.Status)
	h := resp.Header.Clone()
	h.Del("Transfer-Encoding")
	h.Set("Content-Length", fmt.Sprint(len(raw)))
	h.Write(&b)
	b.WriteString("\r\n")
	b.Write(raw)
	return b.Bytes()
}
