package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// Bounds on one record's header, so that a corrupt file cannot make the
// reader buffer without end. Real WARC headers are a few hundred bytes; the
// longest field is usually WARC-Target-URI.
const (
	maxLine   = 64 << 10
	maxHeader = 1 << 20
)

// DefaultMaxRatio is Reader.MaxRatio's default. WARC files written by
// crawlers expand 3 to 10 times when gunzipped; deflate cannot exceed about
// 1032 (zlib's technical notes), which a file of zeros reaches.
const DefaultMaxRatio = 100

// bombSlack is the output gzip input may produce before the ratio check
// applies: the ratio of a few kilobytes says nothing.
const bombSlack = 1 << 20

// Reader reads the records of a WARC file, plain or gzipped, one at a time.
type Reader struct {
	// MaxRatio bounds how far gzip input may expand: once the output passes
	// 1 MiB and MaxRatio times the compressed bytes read so far, reading
	// fails with ErrBomb. The bound is over the whole stream, so splitting a
	// bomb into many small members does not get round it. Zero means
	// DefaultMaxRatio, a negative value turns the check off. Set it before
	// the first call to Next.
	MaxRatio int

	raw     *bufio.Reader // the input as given
	gz      *gzipStream   // nil for uncompressed input
	dec     countReader   // the WARC stream, decompressed, counted
	br      *bufio.Reader // buffers dec
	started bool
	num     int          // records read so far
	body    *blockReader // the current record's block
	err     error        // sticky: io.EOF or a *RecordError
}

// NewReader returns a Reader of r. It reads nothing until the first Next.
func NewReader(r io.Reader) *Reader {
	return &Reader{raw: bufio.NewReaderSize(r, 64<<10)}
}

// Next returns the next record, skipping whatever the caller left unread of
// the previous record's block. It returns io.EOF after the last record and
// a *RecordError when the file is truncated or malformed; either error is
// final.
func (r *Reader) Next() (*Record, error) {
	if r.err != nil {
		return nil, r.err
	}
	if !r.started {
		r.start()
	}
	if r.body != nil {
		if _, err := io.Copy(io.Discard, r.body); err != nil {
			return nil, err
		}
		r.body = nil
	}
	if err := r.skipLineEnds(); err != nil {
		if err == io.EOF {
			r.err = io.EOF
			return nil, io.EOF
		}
		return nil, r.fail(r.num+1, r.pos(), err)
	}
	num, off := r.num+1, r.pos()
	rec, err := r.readHeader()
	if err != nil {
		return nil, r.fail(num, off, err)
	}
	r.num = num
	rec.Number, rec.Offset = num, off
	r.body = &blockReader{r: r, rec: rec, left: rec.ContentLength}
	rec.Body = r.body
	return rec, nil
}

// start detects gzip by its magic number and sets up the decompressed
// stream.
func (r *Reader) start() {
	r.started = true
	r.dec.r = r.raw
	if magic, _ := r.raw.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		ratio := int64(r.MaxRatio)
		if ratio == 0 {
			ratio = DefaultMaxRatio
		}
		r.gz = &gzipStream{src: &byteCounter{r: r.raw}, maxRatio: ratio}
		r.dec.r = r.gz
	}
	r.br = bufio.NewReaderSize(&r.dec, 64<<10)
}

// pos is the offset of the next unread byte of the decompressed stream.
func (r *Reader) pos() int64 { return r.dec.n - int64(r.br.Buffered()) }

// fail records a final error at record num, which starts at off.
func (r *Reader) fail(num int, off int64, err error) error {
	gzOff := int64(-1)
	if r.gz != nil {
		gzOff = r.gz.member
	}
	r.err = &RecordError{Number: num, Offset: off, GzipOffset: gzOff, Err: err}
	return r.err
}

// skipLineEnds consumes the blank lines that end the previous record (two
// CRLFs by the standard; some writers use LFs or add more). It returns
// io.EOF at a clean end of input.
func (r *Reader) skipLineEnds() error {
	for {
		b, err := r.br.Peek(1)
		if err != nil {
			return err
		}
		switch {
		case b[0] == '\n':
			r.br.Discard(1)
		case b[0] == '\r':
			if b, _ := r.br.Peek(2); len(b) == 2 && b[1] == '\n' {
				r.br.Discard(2)
				continue
			}
			return nil
		default:
			return nil
		}
	}
}

// readHeader reads a version line and named fields up to the empty line
// that opens the block.
func (r *Reader) readHeader() (*Record, error) {
	line, err := readLine(r.br, maxLine)
	if len(line) > 0 && !bytes.HasPrefix(line, []byte("WARC/")) {
		return nil, fmt.Errorf("%w: expected a WARC/ version line, found %q", ErrFormat, clip(line, 40))
	}
	if err != nil {
		return nil, fmt.Errorf("version line: %w", unexpected(err))
	}
	rec := &Record{Version: string(line)}
	size := len(line)
	for {
		line, err := readLine(r.br, maxLine)
		if err != nil {
			return nil, fmt.Errorf("header: %w", unexpected(err))
		}
		if size += len(line); size > maxHeader {
			return nil, fmt.Errorf("%w: header over %d bytes", ErrFormat, maxHeader)
		}
		if len(line) == 0 {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			// A folded continuation of the previous field (WARC/1.0 allows it).
			if len(rec.Header) == 0 {
				return nil, fmt.Errorf("%w: header starts with a continuation line", ErrFormat)
			}
			last := &rec.Header[len(rec.Header)-1]
			last.Value += " " + string(bytes.TrimSpace(line))
			continue
		}
		i := bytes.IndexByte(line, ':')
		if i <= 0 {
			return nil, fmt.Errorf("%w: header line without a name: %q", ErrFormat, clip(line, 40))
		}
		rec.Header.Add(string(bytes.TrimSpace(line[:i])), string(bytes.TrimSpace(line[i+1:])))
	}
	cl := rec.Header.Get("Content-Length")
	if cl == "" {
		return nil, fmt.Errorf("%w: no Content-Length", ErrFormat)
	}
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("%w: bad Content-Length %q", ErrFormat, cl)
	}
	rec.ContentLength = n
	rec.Type = rec.Header.Get("WARC-Type")
	rec.ID = unbracket(rec.Header.Get("WARC-Record-ID"))
	rec.TargetURI = unbracket(rec.Header.Get("WARC-Target-URI"))
	rec.Date = parseDate(rec.Header.Get("WARC-Date"))
	return rec, nil
}

// blockReader reads one record's block and turns an early end of input
// into a RecordError.
type blockReader struct {
	r    *Reader
	rec  *Record
	left int64
}

func (b *blockReader) Read(p []byte) (int, error) {
	if b.left == 0 {
		return 0, io.EOF
	}
	if b.r.err != nil {
		return 0, b.r.err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.br.Read(p)
	b.left -= int64(n)
	if err == nil {
		return n, nil
	}
	at := b.rec.ContentLength - b.left
	if err == io.EOF {
		err = fmt.Errorf("block truncated at byte %d of %d: %w", at, b.rec.ContentLength, io.ErrUnexpectedEOF)
	} else {
		err = fmt.Errorf("block, at byte %d of %d: %w", at, b.rec.ContentLength, err)
	}
	return n, b.r.fail(b.rec.Number, b.rec.Offset, err)
}

// gzipStream decompresses gzip members one after another, so that it knows
// where each member starts (for error messages) and can bound the
// expansion of the whole stream.
type gzipStream struct {
	src      *byteCounter
	zr       *gzip.Reader
	member   int64 // offset of the current member in the compressed input
	ended    bool  // the current member is done
	out      int64 // bytes produced
	maxRatio int64 // 0: unbounded
	err      error
}

func (g *gzipStream) Read(p []byte) (int, error) {
	for g.err == nil {
		if g.zr == nil || g.ended {
			g.nextMember()
			continue
		}
		n, err := g.zr.Read(p)
		g.out += int64(n)
		if g.maxRatio > 0 && g.out > bombSlack && g.out > g.maxRatio*g.src.n {
			g.err = fmt.Errorf("%w: %d bytes from %d compressed", ErrBomb, g.out, g.src.n)
			return n, g.err
		}
		switch {
		case err == io.EOF:
			g.ended = true
		case err != nil:
			g.err = fmt.Errorf("gzip: %w", err)
		}
		if n > 0 {
			return n, nil
		}
	}
	return 0, g.err
}

// nextMember starts the next gzip member, or sets io.EOF at the end of the
// input.
func (g *gzipStream) nextMember() {
	if _, err := g.src.r.Peek(1); err != nil {
		g.err = err
		return
	}
	g.member = g.src.n
	if g.zr == nil {
		g.zr = new(gzip.Reader)
	}
	if err := g.zr.Reset(g.src); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		g.err = fmt.Errorf("gzip member header: %w", err)
		return
	}
	g.zr.Multistream(false)
	g.ended = false
}

// byteCounter counts the compressed bytes consumed. It is an io.ByteReader,
// so compress/flate reads through it byte by byte and never past the end of
// a member.
type byteCounter struct {
	r *bufio.Reader
	n int64
}

func (c *byteCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *byteCounter) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// errLineTooLong reports a header line over the line limit.
var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its CRLF or LF, as a copy. At the
// end of input it returns the partial line, if any, with io.EOF.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		frag, err := br.ReadSlice('\n')
		if len(line)+len(frag) > max+2 {
			return nil, fmt.Errorf("%w (over %d bytes)", errLineTooLong, max)
		}
		line = append(line, frag...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return line, err
		}
		break
	}
	line = line[:len(line)-1]
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, nil
}

// unexpected turns io.EOF in the middle of something into
// io.ErrUnexpectedEOF.
func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// clip shortens b for an error message.
func clip(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}
