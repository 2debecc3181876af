package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"

	"github.com/datelinehq/dateline/eval"
	"github.com/datelinehq/dateline/extract"
	"github.com/datelinehq/dateline/internal/corpus"
)

// runEval scores dateline alone on the shared corpus. The comparison with
// other extractors lives in the separate bench module, so that they never
// enter this binary.
func runEval(ctx context.Context, e env, args []string) error {
	if len(args) > 0 && args[0] == "quotes" {
		return runEvalQuotes(ctx, e, args[1:])
	}
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline eval extract|dates|quotes [flags]")
		fmt.Fprintln(e.stderr, "extract: main content, title, author and date on extract/wcxb-dev")
		fmt.Fprintln(e.stderr, "dates:   publication date on dates/ (htmldate's evaluation set)")
		fs.PrintDefaults()
	}
	dir := fs.String("corpus", "", "shared corpus `dir` (default $"+corpus.EnvDir+", else shared/corpus beside the checkout)")
	only := fs.Int("only", 0, "score only the first `N` pages (0: all)")
	// Flags may come before or after the set's name.
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: name a set: extract or dates", errUsage)
	}
	which := fs.Arg(0)
	if err := fs.Parse(fs.Args()[1:]); errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	root := *dir
	if root == "" {
		root = corpus.Find()
	}
	if root == "" {
		return errors.New("shared corpus not found: set --corpus or $" + corpus.EnvDir)
	}
	var set *eval.Set
	var err error
	switch which {
	case "extract":
		set, err = eval.LoadWCXB(filepath.Join(root, "extract", "wcxb-dev"))
	case "dates":
		set, err = eval.LoadDates(filepath.Join(root, "dates"))
	default:
		return fmt.Errorf("%w: unknown set %q: want extract or dates", errUsage, which)
	}
	if err != nil {
		return err
	}
	set.Limit(*only)
	return eval.Compare(ctx, e.stdout, set, datelineExtractor())
}

// datelineExtractor is dateline's extractor as eval calls it: raw bytes in,
// charset decoding included.
func datelineExtractor() eval.Extractor {
	return eval.Extractor{Name: "dateline", Extract: func(html []byte, url string) (eval.Result, error) {
		a, err := extract.Page(html, extract.Options{URL: url})
		if err != nil {
			return eval.Result{}, err
		}
		return eval.FromArticle(a), nil
	}}
}
