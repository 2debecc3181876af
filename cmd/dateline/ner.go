package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/datelinehq/dateline/internal/corpus"
	"github.com/datelinehq/dateline/ner"
)

// runNER tags CoNLL-format tokens: each input line comes back with the
// predicted tag appended, so that conlleval.pl scores the output as is.
func runNER(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("ner", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline ner --conll [--model FILE] < tokens")
		fmt.Fprintln(e.stderr, "Reads one token a line (token first, blank lines between sentences,")
		fmt.Fprintln(e.stderr, "-DOCSTART- between documents) and appends the IOB1 tag to each line.")
		fs.PrintDefaults()
	}
	conll := fs.Bool("conll", false, "read and write CoNLL format (the only format for now)")
	modelPath := fs.String("model", "", "model `file` to use instead of the built-in one")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if !*conll || fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: want --conll and no arguments", errUsage)
	}
	tagger, err := loadTagger(*modelPath)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	var lines []string // lines of the current document
	flush := func() error {
		if err := writeTagged(w, tagger, lines); err != nil {
			return err
		}
		lines = lines[:0]
		return ctx.Err()
	}
	sc := bufio.NewScanner(e.stdin)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "-DOCSTART-") {
			if err := flush(); err != nil {
				return err
			}
			fmt.Fprintln(w, line+" O")
			continue
		}
		lines = append(lines, line)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read stdin: %w", err)
	}
	if err := flush(); err != nil {
		return err
	}
	return w.Flush()
}

func loadTagger(path string) (*ner.Tagger, error) {
	if path == "" {
		return ner.Load()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.ReadModel(f)
}

// writeTagged tags one document's lines and writes them with their tags.
func writeTagged(w *bufio.Writer, t *ner.Tagger, lines []string) error {
	var sents [][]string
	var cur []string
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 0 {
			cur = append(cur, f[0])
		} else if len(cur) > 0 {
			sents = append(sents, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		sents = append(sents, cur)
	}
	tags := t.TagDocument(sents)
	s, i := 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			if i > 0 {
				s, i = s+1, 0
			}
			fmt.Fprintln(w, l)
			continue
		}
		fmt.Fprintln(w, strings.TrimRight(l, " \t\r")+" "+tags[s][i])
		i++
	}
	return nil
}

// runTrain trains a model: "dateline train ner", "pos" or "quotes".
func runTrain(ctx context.Context, e env, args []string) error {
	if len(args) > 0 && args[0] == "quotes" {
		return runTrainQuotes(ctx, e, args[1:])
	}
	if len(args) > 0 && args[0] == "pos" {
		return runTrainPOS(ctx, e, args[1:])
	}
	if len(args) == 0 || args[0] != "ner" {
		fmt.Fprintln(e.stderr, "usage: dateline train ner|pos|quotes [--corpus DIR] [--out FILE]")
		return fmt.Errorf("%w: unknown model to train", errUsage)
	}
	fs := flag.NewFlagSet("train ner", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dir := fs.String("corpus", corpus.Find(), "shared corpus `directory` (holding ner/conll2003)")
	out := fs.String("out", filepath.Join("ner", "model.bin.gz"), "model `file` to write")
	var opt ner.TrainOptions
	fs.IntVar(&opt.Epochs, "epochs", 0, "perceptron epochs (0: default)")
	fs.IntVar(&opt.Folds, "folds", 0, "jackknife folds (0: default)")
	fs.BoolVar(&opt.SinglePass, "single-pass", false, "train the first pass only")
	fs.IntVar(&opt.Clusters, "clusters", 0, "Brown clusters to learn from unlabeled text (0: none)")
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *dir == "" {
		return fmt.Errorf("%w: no corpus found: give --corpus", errUsage)
	}
	opt.Corpus = *dir
	opt.Logger = slog.New(slog.NewTextHandler(e.stderr, nil))
	start := time.Now()
	t, err := ner.Train(opt)
	if err != nil {
		return err
	}
	if err := writeFile(*out, t.WriteModel); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s in %s\n", *out, time.Since(start).Round(time.Second))
	// Score the model as written, so the numbers are those of the file.
	saved, err := loadTagger(*out)
	if err != nil {
		return err
	}
	devPath := filepath.Join(*dir, "ner", "conll2003", "eng.testa")
	dev, err := os.Open(devPath)
	if err != nil {
		return err
	}
	defer dev.Close()
	docs, err := ner.ReadCoNLL(bufio.NewReader(dev), -1)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "eng.testa:")
	ner.Evaluate(saved, docs).Report(e.stdout)
	return ctx.Err()
}
