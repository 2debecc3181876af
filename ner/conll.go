package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// A Sentence is one sentence of a CoNLL file: its tokens and, where the
// file has them, the gold tags in the file's own scheme.
type Sentence struct {
	Tokens []string
	Tags   []string
}

// A Document is the run of sentences between two -DOCSTART- lines.
type Document []Sentence

// ReadCoNLL reads a CoNLL-format file: one token a line with the token
// first and, when tagCol >= 0, the tag in column tagCol (negative counts
// from the end: -1 is the last column); blank lines end sentences and
// -DOCSTART- lines end documents. A file without -DOCSTART- is one
// document.
func ReadCoNLL(r io.Reader, tagCol int) ([]Document, error) {
	var docs []Document
	var doc Document
	var sent Sentence
	flushSent := func() {
		if len(sent.Tokens) > 0 {
			doc = append(doc, sent)
		}
		sent = Sentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(doc) > 0 {
			docs = append(docs, doc)
		}
		doc = nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			flushSent()
			continue
		case f[0] == "-DOCSTART-":
			flushDoc()
			continue
		}
		sent.Tokens = append(sent.Tokens, f[0])
		if tagCol == 0 {
			continue
		}
		c := tagCol
		if c < 0 {
			c += len(f)
		}
		if c < 1 || c >= len(f) {
			return nil, fmt.Errorf("read conll: line %d: no column %d", line, tagCol)
		}
		sent.Tags = append(sent.Tags, f[c])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll: %w", err)
	}
	flushDoc()
	return docs, nil
}

// spanTypes returns, for tags in IOB1 or IOB2 (BIO), the entity type of
// each token ("" outside) and whether the token begins an entity. It is
// the chunking rule of conlleval: an entity starts at B-X, or at I-X
// after a token that is not of type X.
func spanTypes(tags []string) (types []string, begins []bool) {
	types = make([]string, len(tags))
	begins = make([]bool, len(tags))
	prev := ""
	for i, t := range tags {
		prefix, typ := splitTag(t)
		types[i] = typ
		begins[i] = typ != "" && (prefix == "B" || typ != prev)
		prev = typ
	}
	return types, begins
}

// splitTag splits "B-PER" into "B" and "PER"; "O" and unknown tags give
// "O" and "". GMB-style lower-case types are returned as they are.
func splitTag(t string) (prefix, typ string) {
	if len(t) > 2 && t[1] == '-' {
		return t[:1], t[2:]
	}
	return "O", ""
}

// toIOB1 rewrites entity spans given as types and begin marks into the
// IOB1 scheme of the CoNLL-2003 files: I-X everywhere, B-X only on the
// first token of an entity that directly follows another of the same type.
func toIOB1(types []string, begins []bool) []string {
	out := make([]string, len(types))
	for i, typ := range types {
		switch {
		case typ == "":
			out[i] = "O"
		case begins[i] && i > 0 && types[i-1] == typ:
			out[i] = "B-" + typ
		default:
			out[i] = "I-" + typ
		}
	}
	return out
}
