package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/datelinehq/dateline/extract"
	"github.com/datelinehq/dateline/input"
)

// inputFlags are the flags shared by every command that reads inputs.
type inputFlags struct {
	maxBytes     int64
	allowPrivate bool
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.Int64Var(&f.maxBytes, "max-bytes", input.DefaultMaxBytes, "largest page `size` read, after decompression")
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "allow fetching URLs on loopback and private networks")
}

func (f *inputFlags) options(e env) input.Options {
	return input.Options{MaxBytes: f.maxBytes, AllowPrivate: f.allowPrivate, Stdin: e.stdin}
}

func runExtract(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline extract [flags] INPUT...")
		fmt.Fprintln(e.stderr, "INPUT: a file, a directory, - (stdin), an http(s) URL, or a WARC/WARC.gz file.")
		fs.PrintDefaults()
	}
	var in inputFlags
	in.register(fs)
	jsonl := fs.Bool("jsonl", false, "write JSON Lines even for a single input")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no INPUT given", errUsage)
	}
	out := newArticleWriter(e.stdout, *jsonl || fs.NArg() > 1)
	failed := 0
	err := input.Walk(ctx, fs.Args(), in.options(e), func(it input.Item) error {
		if it.Err != nil {
			failed++
			fmt.Fprintf(e.stderr, "dateline extract: %v\n", it.Err)
			return nil
		}
		a, err := extract.Page(it.Body, extract.Options{URL: it.URL, ContentType: it.ContentType})
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "dateline extract: %s: %v\n", it.Source, err)
			return nil
		}
		a.Source = it.Source
		return out.write(a)
	})
	if ferr := out.flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return errFailedInputs
	}
	return nil
}

// articleWriter writes one indented JSON object for a single article and
// JSON Lines for several. Whether an input holds several pages (a
// directory, a WARC) is known only when the second arrives, so the first
// is held back until then.
type articleWriter struct {
	w       io.Writer
	lines   bool
	pending any
}

func newArticleWriter(w io.Writer, lines bool) *articleWriter {
	return &articleWriter{w: w, lines: lines}
}

func (aw *articleWriter) write(v any) error {
	if aw.lines {
		return aw.encode(v, false)
	}
	if aw.pending == nil {
		aw.pending = v
		return nil
	}
	aw.lines = true
	first := aw.pending
	aw.pending = nil
	if err := aw.encode(first, false); err != nil {
		return err
	}
	return aw.encode(v, false)
}

func (aw *articleWriter) flush() error {
	if aw.pending == nil {
		return nil
	}
	v := aw.pending
	aw.pending = nil
	return aw.encode(v, true)
}

func (aw *articleWriter) encode(v any, indent bool) error {
	enc := json.NewEncoder(aw.w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}
