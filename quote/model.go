package quote

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"

	"github.com/datelinehq/dateline/pos"
	"github.com/datelinehq/dateline/wordnet"
)

//go:embed model.bin.gz
var modelData []byte

// Load returns the model shipped in the package. It takes a fraction of
// a second: load once and share the model, which is safe for concurrent
// use.
func Load() (*Model, error) {
	return ReadModel(bytes.NewReader(modelData))
}

// ReadModel reads a model written by WriteModel.
func ReadModel(r io.Reader) (*Model, error) {
	ms, clusters, err := readGzip(r, 5)
	if err != nil {
		return nil, fmt.Errorf("quote: %w", err)
	}
	tags, words, err := resources()
	if err != nil {
		return nil, fmt.Errorf("quote: %w", err)
	}
	m := &Model{cue: ms[0], role: ms[1], bounds: ms[2], edges: ms[3], sources: ms[4], lex: newLexicon(tags, words, clusters)}
	m.sumCueWords()
	return m, nil
}

// WriteModel stores the model, gzipped.
func (m *Model) WriteModel(w io.Writer) error {
	return writeGzip(w, m.lex.clusters, m.cue, m.role, m.bounds, m.edges, m.sources)
}

// resources loads what the lexicon reads besides the word clusters,
// which a model stores: the shipped part-of-speech tagger and WordNet.
// A model is trained and read with the same ones.
func resources() (*pos.Tagger, *wordnet.Dict, error) {
	tags, err := pos.Load()
	if err != nil {
		return nil, nil, err
	}
	words, err := wordnet.Load()
	if err != nil {
		return nil, nil, err
	}
	return tags, words, nil
}
