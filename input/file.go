package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// sniffLen is how much of a file is looked at to tell a WARC from a page.
// Gzip headers can carry a file name or comment, so a WARC's first bytes
// may come some way in.
const sniffLen = 64 << 10

// walkPath reads a file, or every file below a directory in lexical order,
// skipping hidden files and directories.
func (w *walker) walkPath(arg string) error {
	info, err := os.Stat(arg)
	if err != nil {
		return w.fail(arg, err)
	}
	if !info.IsDir() {
		return w.walkFile(arg)
	}
	return filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
		if cerr := w.ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			return w.fail(path, err)
		}
		if path != arg && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		return w.walkFile(path)
	})
}

func (w *walker) walkFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return w.fail(path, err)
	}
	defer f.Close()
	return w.walkStream(path, f)
}

// walkStream reads one file or stdin: a WARC, told by its content, yields
// its pages; anything else is one page.
func (w *walker) walkStream(name string, r io.Reader) error {
	br := bufio.NewReaderSize(r, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF {
		return w.fail(name, err)
	}
	if isWARC(head) {
		return w.walkWARC(name, br)
	}
	if hasWARCName(name) && len(head) > 0 {
		return w.fail(name, fmt.Errorf("not a WARC file: starts with %q", clip(head, 20)))
	}
	body, err := readAll(br, w.opts.MaxBytes)
	if err != nil {
		return w.fail(name, err)
	}
	return w.send(Item{Source: name, Body: body})
}

// isWARC reports whether head, gunzipped if need be, starts a WARC record.
func isWARC(head []byte) bool {
	if isGzip(head) {
		zr, err := gzip.NewReader(bytes.NewReader(head))
		if err != nil {
			return false
		}
		var first [5]byte
		if _, err := io.ReadFull(zr, first[:]); err != nil {
			return false
		}
		head = first[:]
	}
	return bytes.HasPrefix(head, []byte("WARC/"))
}

func hasWARCName(name string) bool {
	name = strings.ToLower(name)
	return strings.HasSuffix(name, ".warc") || strings.HasSuffix(name, ".warc.gz")
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// readAll reads r whole, gunzipping it when it starts with the gzip magic,
// and refuses more than max bytes, before and after decompression (a guard
// against decompression bombs).
func readAll(r io.Reader, max int64) ([]byte, error) {
	raw, err := readCapped(r, max)
	if err != nil || !isGzip(raw) {
		return raw, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	out, err := readCapped(zr, max)
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	return out, nil
}

// readCapped reads r whole unless it holds more than max bytes.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, max)
	}
	return b, nil
}

// clip shortens b for an error message.
func clip(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}
