package main

import (
	"context"
	"flag"
	"fmt"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/analyze"
	"github.com/datelinehq/dateline/extract"
	"github.com/datelinehq/dateline/input"
)

// runAnalyze extracts each input like `dateline extract` and adds what
// the understanding stages find: entities (and, with issue #4, quotes,
// attributions and events). With --body the input is the body text as
// is, so that offsets index the file itself.
func runAnalyze(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline analyze [flags] INPUT...")
		fmt.Fprintln(e.stderr, "INPUT: a file, a directory, - (stdin), an http(s) URL, or a WARC/WARC.gz file.")
		fmt.Fprintln(e.stderr, "Writes the article JSON of `dateline extract` plus entities, quotes, attributions and events.")
		fs.PrintDefaults()
	}
	var in inputFlags
	in.register(fs)
	jsonl := fs.Bool("jsonl", false, "write JSON Lines even for a single input")
	body := fs.Bool("body", false, "take each input as body text verbatim (no extraction); offsets index the input")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no INPUT given", errUsage)
	}
	models, err := analyze.Load()
	if err != nil {
		return err
	}
	out := newArticleWriter(e.stdout, *jsonl || fs.NArg() > 1)
	failed := 0
	err = input.Walk(ctx, fs.Args(), in.options(e), func(it input.Item) error {
		if it.Err != nil {
			failed++
			fmt.Fprintf(e.stderr, "dateline analyze: %v\n", it.Err)
			return nil
		}
		var a *dateline.Article
		if *body {
			a, err = bodyArticle(it.Body)
		} else {
			a, err = extract.Page(it.Body, extract.Options{URL: it.URL, ContentType: it.ContentType})
		}
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "dateline analyze: %s: %v\n", it.Source, err)
			return nil
		}
		a.Source = it.Source
		if a.URL == "" {
			a.URL = it.URL
		}
		return out.write(analyze.Article(*a, models))
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

// bodyArticle takes an input as the body text itself. It must be UTF-8:
// offsets in code points would mean nothing in another encoding.
func bodyArticle(b []byte) (*dateline.Article, error) {
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("--body input is not UTF-8")
	}
	text := string(b)
	return &dateline.Article{Text: text, Paragraphs: []string{}, Authors: []string{}, WordCount: countWords(text)}, nil
}

func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := r > ' '
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
