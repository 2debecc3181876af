// Package ner finds named entities — persons, organisations, locations
// and other names (PER, ORG, LOC, MISC, the CoNLL-2003 types) — in
// tokenised text.
//
// The tagger is a linear-chain model trained by the averaged structured
// perceptron and decoded by Viterbi, in two passes over a document: the
// second sees how the first labelled other mentions of the same words.
// Its features are the classic ones of Ratinov and Roth (2009): the word,
// its shape and affixes, its neighbours, gazetteers, casing evidence from
// elsewhere in the document and from unlabeled text (headlines in capitals
// or title case are truecased and read like ordinary sentences); Brown
// clusters are implemented but left out of the shipped model, which they
// made worse. The model ships inside the package; Train rebuilds it from
// the corpus, deterministically. README.md has its scores.
package ner

import (
	"bytes"
	_ "embed"
	"fmt"
)

//go:embed model.bin.gz
var model []byte

// Load returns a tagger with the model shipped in the package. It takes
// a fraction of a second and some tens of megabytes: load once, share the
// tagger.
func Load() (*Tagger, error) {
	t, err := ReadModel(bytes.NewReader(model))
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	return t, nil
}
