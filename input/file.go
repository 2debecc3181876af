package input

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// walkArg dispatches one command-line argument by its form.
func walkArg(ctx context.Context, arg string, opts Options, fn func(Item) error) error {
	if arg == "-" {
		body, err := readAll(os.Stdin, opts)
		return emit(fn, Item{Source: "-", Body: body}, err)
	}
	info, err := os.Stat(arg)
	if err != nil {
		return fn(Item{Source: arg, Err: fmt.Errorf("%s: %w", arg, err)})
	}
	if !info.IsDir() {
		return walkFile(arg, opts, fn)
	}
	return filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			return fn(Item{Source: path, Err: fmt.Errorf("%s: %w", path, err)})
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		return walkFile(path, opts, fn)
	})
}

func walkFile(path string, opts Options, fn func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(Item{Source: path, Err: fmt.Errorf("%s: %w", path, err)})
	}
	defer f.Close()
	body, err := readAll(f, opts)
	return emit(fn, Item{Source: path, Body: body}, err)
}

// emit sends an item, turning a read error into an Item error that names
// the input.
func emit(fn func(Item) error, it Item, err error) error {
	if err != nil {
		it.Body = nil
		it.Err = fmt.Errorf("%s: %w", it.Source, err)
	}
	return fn(it)
}

// readAll reads r whole, gunzipping it when it starts with the gzip magic,
// and refuses more than the size cap (a guard against decompression bombs).
func readAll(r io.Reader, opts Options) ([]byte, error) {
	max := opts.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	raw, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > max {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, max)
	}
	if len(raw) < 2 || raw[0] != 0x1f || raw[1] != 0x8b {
		return raw, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, max+1))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	if int64(len(out)) > max {
		return nil, fmt.Errorf("%w: over %d bytes decompressed", ErrTooLarge, max)
	}
	return out, nil
}
