// Command peers scores dateline, go-trafilatura and go-readability side by
// side on the shared corpus, in one process, one extractor after another:
//
//	cd bench && go run ./cmd/peers -set all
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/datelinehq/dateline/bench"
	"github.com/datelinehq/dateline/eval"
	"github.com/datelinehq/dateline/internal/corpus"
)

func main() {
	set := flag.String("set", "all", "evaluation `set`: wcxb, trafilatura, dates or all")
	dir := flag.String("corpus", "", "shared corpus `dir` (default $"+corpus.EnvDir+", else shared/corpus beside the checkout)")
	trafDir := flag.String("trafilatura", "", "go-trafilatura module `dir` holding test-files/ (default: located with go list)")
	only := flag.Int("only", 0, "score only the first `N` pages of each set (0: all)")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *set, *dir, *trafDir, *only); err != nil {
		fmt.Fprintln(os.Stderr, "peers:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, which, dir, trafDir string, only int) error {
	names := []string{which}
	if which == "all" {
		names = []string{"wcxb", "trafilatura", "dates"}
	}
	if dir == "" {
		dir = corpus.Find()
	}
	fmt.Println("note:", bench.PeersNote)
	for _, name := range names {
		set, err := load(name, dir, trafDir)
		if err != nil {
			return err
		}
		set.Limit(only)
		fmt.Println()
		if err := eval.Compare(ctx, os.Stdout, set, bench.Extractors()...); err != nil {
			return err
		}
	}
	return nil
}

func load(name, dir, trafDir string) (*eval.Set, error) {
	needCorpus := func() error {
		if dir == "" {
			return fmt.Errorf("shared corpus not found: set -corpus or $%s", corpus.EnvDir)
		}
		return nil
	}
	switch name {
	case "wcxb":
		if err := needCorpus(); err != nil {
			return nil, err
		}
		return eval.LoadWCXB(filepath.Join(dir, "extract", "wcxb-dev"))
	case "dates":
		if err := needCorpus(); err != nil {
			return nil, err
		}
		return eval.LoadDates(filepath.Join(dir, "dates"))
	case "trafilatura":
		if trafDir == "" {
			d, err := bench.TrafilaturaDir()
			if err != nil {
				return nil, err
			}
			trafDir = d
		}
		return eval.LoadTrafilatura(trafDir)
	}
	return nil, fmt.Errorf("unknown set %q: want wcxb, trafilatura, dates or all", name)
}
