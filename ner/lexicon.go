package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline/wordcluster"
)

// A lexicon is what the tagger knows about words beyond its weights:
// word clusters and casing learnt from unlabeled text, and gazetteers.
type lexicon struct {
	// clusters maps a word to its Brown cluster: a path in the binary
	// merge tree, most significant bit first.
	clusters map[string]wordcluster.Path
	// forms maps a lower-case word to its most frequent spelling in
	// unlabeled text ("reuters" -> "Reuters"), for truecasing headlines
	// and sentence-initial words.
	forms map[string]string
	// gaz holds entity lists; see gazSources.
	gaz [nGaz]*gazetteer
	// titles holds the lower-case hashes of words that stand before
	// names ("mr.", "president"), learnt from GMB's person spans.
	titles map[uint64]bool
}

// Gazetteer sources. Each has its own features, so the model learns how
// far to trust each.
const (
	gazTrain = iota // entities of the labelled training data
	gazAux          // entities of an auxiliary corpus (GMB, silver quality)
	nGaz
)

// A gazetteer is a set of entity phrases, keyed by the hash of their
// lower-case tokens, with a bit per entity type.
type gazetteer struct {
	phrases  map[uint64]uint8
	prefixes map[uint64]bool
	maxLen   int
	// words maps a lower-case word to where it occurs in entities: bit
	// 4*type+part (BILU).
	words map[uint64]uint16

	// Counts while the gazetteer is built; see finish.
	phraseCounts map[uint64][4]int32
	wordCounts   map[uint64][16]int32
}

func newGazetteer() *gazetteer {
	return &gazetteer{
		phrases: map[uint64]uint8{}, prefixes: map[uint64]bool{}, words: map[uint64]uint16{},
		phraseCounts: map[uint64][4]int32{}, wordCounts: map[uint64][16]int32{},
	}
}

// gazMinShare is the share of a phrase's occurrences a type needs to be
// listed: it keeps "Washington" both a place and a person, and keeps the
// odd mislabelling of silver data ("Putin" as a place) out.
const gazMinShare = 0.25

// finish turns the counts of add into the type sets that matching uses.
func (g *gazetteer) finish() {
	for h, c := range g.phraseCounts {
		total := c[0] + c[1] + c[2] + c[3]
		for t, n := range c {
			if n > 0 && float64(n) >= gazMinShare*float64(total) {
				g.phrases[h] |= 1 << t
			}
		}
	}
	for h, c := range g.wordCounts {
		var byType [4]int32
		var total int32
		for b, n := range c {
			byType[b/4] += n
			total += n
		}
		for b, n := range c {
			if n > 0 && float64(byType[b/4]) >= gazMinShare*float64(total) {
				g.words[h] |= 1 << b
			}
		}
	}
	g.phraseCounts, g.wordCounts = nil, nil
}

const gazSeed = 0x5bd1e995

// add counts a phrase (its tokens) as an entity of type t; call finish
// once all are added.
func (g *gazetteer) add(tokens []string, t int) {
	if len(tokens) == 0 || len(tokens) > 8 {
		return
	}
	h := uint64(gazSeed)
	for i, tok := range tokens {
		lw := hashString(strings.ToLower(tok))
		h = mix(h, lw)
		if i < len(tokens)-1 {
			g.prefixes[h] = true
		}
		part := partI
		switch {
		case len(tokens) == 1:
			part = partU
		case i == 0:
			part = partB
		case i == len(tokens)-1:
			part = partL
		}
		wc := g.wordCounts[lw]
		wc[4*t+part]++
		g.wordCounts[lw] = wc
	}
	pc := g.phraseCounts[h]
	pc[t]++
	g.phraseCounts[h] = pc
	g.maxLen = max(g.maxLen, len(tokens))
}

// match marks, for each token and type, its BILU position (1+part) in the
// longest phrase of that type found left to right; 0 where none.
// lw holds the hashes of the lower-case tokens and capOK whether a token
// may begin or end a match (it has an upper-case letter or a digit).
func (g *gazetteer) match(lw []uint64, capOK []bool, out [][4]uint8) {
	if g == nil || len(g.phrases) == 0 {
		return
	}
	n := len(lw)
	var best [4]int // per type, end (exclusive) of longest match from i
	for i := 0; i < n; i++ {
		if !capOK[i] {
			continue
		}
		best = [4]int{}
		h := uint64(gazSeed)
		for j := i; j < n && j-i < g.maxLen; j++ {
			h = mix(h, lw[j])
			if m := g.phrases[h]; m != 0 && capOK[j] {
				for t := range 4 {
					if m&(1<<t) != 0 {
						best[t] = j + 1
					}
				}
			}
			if !g.prefixes[h] {
				break
			}
		}
		for t, end := range best {
			if end == 0 || out[i][t] != 0 {
				continue
			}
			if end-i == 1 {
				out[i][t] = 1 + partU
				continue
			}
			out[i][t] = 1 + partB
			for k := i + 1; k < end-1; k++ {
				out[k][t] = 1 + partI
			}
			out[end-1][t] = 1 + partL
		}
	}
}

// Casing classes of a word.
const (
	caseNone  = iota // no letters
	caseLower        // all letters lower case
	caseTitle        // first letter upper, the others lower
	caseUpper        // two or more letters, all upper case
	caseMixed        // anything else (McDonald, iPhone)
)

func casing(s string) uint8 {
	var letters, upper int
	firstUpper := false
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.IsUpper(r) {
			if letters == 0 {
				firstUpper = true
			}
			upper++
		}
		letters++
	}
	switch {
	case letters == 0:
		return caseNone
	case upper == 0:
		return caseLower
	case upper == 1 && firstUpper:
		return caseTitle
	case upper == letters:
		return caseUpper
	}
	return caseMixed
}

// shapes returns a word's shape, with letter case and digits abstracted
// and runs cut at four ("Xxxx", "dd-dd"), and its short shape with runs
// collapsed ("Xx", "d-d").
func shapes(s string, long, short []byte) ([]byte, []byte) {
	long, short = long[:0], short[:0]
	var prev byte
	run := 0
	for i, r := range s {
		if i > 64 {
			break
		}
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == prev {
			run++
		} else {
			run = 1
			short = append(short, c)
		}
		if run <= 4 {
			long = append(long, c)
		}
		prev = c
	}
	return long, short
}
