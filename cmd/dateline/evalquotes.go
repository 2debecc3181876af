package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/datelinehq/dateline/internal/corpus"
	"github.com/datelinehq/dateline/quote"
)

// runEvalQuotes scores the attribution labeller on a PolNeAR-format
// directory: exact-match source, cue and content, and the speaker of
// direct quotes.
func runEvalQuotes(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("eval quotes", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline eval quotes [--dir DIR] [--model FILE] [--given-cues]")
		fmt.Fprintln(e.stderr, "Scores attributions on a PolNeAR-format directory (text/, attributions/).")
		fs.PrintDefaults()
	}
	dir := fs.String("dir", "", "PolNeAR-format `directory` (default quotes/polnear/dev in the shared corpus)")
	modelPath := fs.String("model", "", "model `file` to use instead of the built-in one")
	givenCues := fs.Bool("given-cues", false, "score sources and contents given the gold cues (what they would reach were every cue found)")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if *dir == "" {
		root := corpus.Find()
		if root == "" {
			return errors.New("shared corpus not found: set --dir or $" + corpus.EnvDir)
		}
		*dir = filepath.Join(root, "quotes", "polnear", "dev")
	}
	m, err := loadQuoteModel(*modelPath)
	if err != nil {
		return err
	}
	docs, err := quote.LoadPolNeAR(*dir)
	if err != nil {
		return err
	}
	if *givenCues {
		quote.EvaluateGivenCues(m, docs).Report(e.stdout)
	} else {
		quote.Evaluate(m, docs).Report(e.stdout)
	}
	return ctx.Err()
}

func loadQuoteModel(path string) (*quote.Model, error) {
	if path == "" {
		return quote.Load()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return quote.ReadModel(f)
}
