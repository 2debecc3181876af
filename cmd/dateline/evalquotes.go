package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/datelinehq/dateline/internal/corpus"
	"github.com/datelinehq/dateline/ner"
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
		fmt.Fprintln(e.stderr, "       dateline eval quotes --folds K [--dir DIR]")
		fmt.Fprintln(e.stderr, "Scores attributions on a PolNeAR-format directory (text/, attributions/);")
		fmt.Fprintln(e.stderr, "with --folds, cross-validates the training recipe on it (default: the train split).")
		fs.PrintDefaults()
	}
	dir := fs.String("dir", "", "PolNeAR-format `directory` (default quotes/polnear/dev in the shared corpus)")
	modelPath := fs.String("model", "", "model `file` to use instead of the built-in one")
	givenCues := fs.Bool("given-cues", false, "score sources and contents given the gold cues (what they would reach were every cue found)")
	clusters := fs.Bool("clusters", true, "with --folds, learn word clusters from the shared corpus's news text, as train quotes does (about 2.5 minutes)")
	folds := fs.Int("folds", 0, "train on all but one of `K` folds of the directory, score the one left, for each fold, and sum (0: no cross-validation)")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if *folds != 0 && (*modelPath != "" || *givenCues) {
		return fmt.Errorf("%w: --folds trains its own models: it takes neither --model nor --given-cues", errUsage)
	}
	if *dir == "" {
		root := corpus.Find()
		if root == "" {
			return errors.New("shared corpus not found: set --dir or $" + corpus.EnvDir)
		}
		split := "dev"
		if *folds != 0 {
			split = "train"
		}
		*dir = filepath.Join(root, "quotes", "polnear", split)
	}
	if *folds != 0 {
		docs, err := quote.LoadPolNeAR(*dir)
		if err != nil {
			return err
		}
		var text [][]string
		if *clusters {
			root := corpus.Find()
			if root == "" {
				return errors.New("shared corpus not found for word clusters: set $" + corpus.EnvDir + " or give --clusters=false")
			}
			if text, err = ner.NewsText(root); err != nil {
				return err
			}
		}
		sc, err := quote.CrossValidate(docs, *folds, 0, text, slog.New(slog.NewTextHandler(e.stderr, nil)))
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%d-fold cross-validation on %s\n", *folds, *dir)
		sc.Report(e.stdout)
		return ctx.Err()
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
