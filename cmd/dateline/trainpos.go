package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/datelinehq/dateline/internal/corpus"
	"github.com/datelinehq/dateline/ner"
	"github.com/datelinehq/dateline/pos"
)

// runTrainPOS trains the part-of-speech tagger on the POS columns of
// the shared corpus's GMB and CoNLL-2003 training files, writes the
// model the pos package embeds and scores it, as written, on their dev
// files.
func runTrainPOS(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("train pos", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dir := fs.String("corpus", corpus.Find(), "shared corpus `directory` (holding ner/gmb and ner/conll2003)")
	out := fs.String("out", filepath.Join("pos", "model.bin.gz"), "model `file` to write")
	epochs := fs.Int("epochs", pos.DefaultEpochs, "perceptron epochs")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *dir == "" {
		return fmt.Errorf("%w: no corpus found: give --corpus", errUsage)
	}
	start := time.Now()
	var train []pos.Sentence
	for _, name := range []string{"gmb/train.conll", "conll2003/eng.train"} {
		s, err := readPOS(filepath.Join(*dir, "ner", name))
		if err != nil {
			return err
		}
		train = append(train, s...)
	}
	t := pos.Train(train, *epochs)
	if err := writeFile(*out, t.WriteModel); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s in %s\n", *out, time.Since(start).Round(time.Second))
	f, err := os.Open(*out)
	if err != nil {
		return err
	}
	defer f.Close()
	if t, err = pos.ReadModel(f); err != nil {
		return err
	}
	for _, name := range []string{"gmb/dev.conll", "conll2003/eng.testa"} {
		s, err := readPOS(filepath.Join(*dir, "ner", name))
		if err != nil {
			return err
		}
		right, all := pos.Accuracy(t, s)
		fmt.Fprintf(e.stdout, "%s: %.2f%% of %d tokens\n", name, 100*float64(right)/float64(max(all, 1)), all)
	}
	return ctx.Err()
}

// readPOS reads the words and Penn Treebank tags (the second column) of
// a CoNLL file.
func readPOS(path string) ([]pos.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(bufio.NewReader(f), 1)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []pos.Sentence
	for _, d := range docs {
		for _, s := range d {
			tags := make([]pos.Tag, len(s.Tags))
			for i, p := range s.Tags {
				tags[i] = pos.FromPenn(p)
			}
			out = append(out, pos.Sentence{Words: s.Tokens, Tags: tags})
		}
	}
	return out, nil
}
