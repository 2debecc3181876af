package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/datelinehq/dateline/internal/corpus"
	"github.com/datelinehq/dateline/ner"
	"github.com/datelinehq/dateline/quote"
)

// runTrainQuotes trains the attribution labeller on PolNeAR's train split,
// choosing epochs on dev, and writes the model the quote package embeds.
func runTrainQuotes(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("train quotes", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dir := fs.String("corpus", corpus.Find(), "shared corpus `directory` (holding quotes/polnear)")
	out := fs.String("out", filepath.Join("quote", "model.bin.gz"), "model `file` to write")
	var opt quote.TrainOptions
	fs.IntVar(&opt.Epochs, "epochs", 0, "perceptron epochs; the best on dev is kept (0: default)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *dir == "" {
		return fmt.Errorf("%w: no corpus found: give --corpus", errUsage)
	}
	opt.Train = filepath.Join(*dir, "quotes", "polnear", "train")
	opt.Dev = filepath.Join(*dir, "quotes", "polnear", "dev")
	opt.Logger = slog.New(slog.NewTextHandler(e.stderr, nil))
	start := time.Now()
	text, err := ner.NewsText(*dir)
	if err != nil {
		return err
	}
	opt.Text = text
	m, dev, err := quote.Train(opt)
	if err != nil {
		return err
	}
	if err := writeFile(*out, m.WriteModel); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s in %s\n", *out, time.Since(start).Round(time.Second))
	if dev != nil {
		fmt.Fprintln(e.stdout, "polnear dev (before storing; the stored model rounds weights):")
		dev.Report(e.stdout)
	}
	return ctx.Err()
}
