// Package entity finds the people, organisations and places of an
// article — with their roles, affiliations, gazetteer positions and every
// mention, short names and pronouns included — and keeps the sentences,
// tokens and tags it computed in a Doc, so that later stages (quotes,
// attributions, events) work on the same tokens and entities instead of
// deriving their own.
//
// The work is rules over the output of the ner tagger, in the tradition of
// rule-based entity post-processing and coreference: capitalised words
// seen in lower case elsewhere in the same document are common words
// (Mikheev 1999, "A knowledge-free method for capitalized word
// disambiguation"); short names join the fuller name they abbreviate; a
// subject pronoun goes to the most salient person before it, subjects
// first (after Lappin and Leass 1994, "An algorithm for pronominal
// anaphora resolution", much reduced); roles come from a title lexicon and
// the patterns "AFFILIATION TITLE NAME" and "NAME, TITLE of AFFILIATION".
package entity

import (
	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/gazetteer"
	"github.com/datelinehq/dateline/segment"
)

// Tagger labels the tokens of a document's sentences with IOB tags of the
// CoNLL-2003 types (PER, ORG, LOC, MISC); *ner.Tagger is one.
type Tagger interface {
	TagDocument(sentences [][]string) [][]string
}

// Models are the read-only resources entity finding needs. Load them once
// and share them: both are safe for concurrent use.
type Models struct {
	Tagger Tagger
	Places *gazetteer.Gazetteer
}

// Header holds the article's fields other than its text. Entities named
// only there (a place in the dateline, a venue in the standfirst) are
// found too; their mentions there are kept in Doc.Mentions but not in the
// entities' Mentions, whose offsets index the text alone.
type Header struct {
	Title, Subtitle, Dateline string
}

// Field names of Part.
const (
	FieldText     = ""
	FieldTitle    = "title"
	FieldSubtitle = "subtitle"
	FieldDateline = "dateline"
)

// Part is one analysed stretch of text: the article text or a header
// field.
type Part struct {
	Field string // FieldText, FieldTitle, ...
	Text  string
	Runes []rune
	// Tokens are all the tokens in order; each sentence's Tokens is a
	// subslice of it, and SentenceStart gives the index of its first
	// token.
	Tokens        []segment.Token
	Sentences     []segment.Sentence
	SentenceStart []int
	// Tags are the ner tagger's IOB1 tags, one per token.
	Tags []string
	// Mention gives, for each token, the index in Doc.Mentions of the
	// mention covering it, or -1.
	Mention []int32
	// Headline marks sentences written in title case (headlines, menus,
	// credit lines), where capitals say little.
	Headline []bool
}

// MentionKind says how a mention names its entity.
type MentionKind uint8

const (
	Name      MentionKind = iota // a name as tagged ("Donald Trump", "CNN")
	Short                        // a shorter form of a fuller name ("Trump")
	Adjective                    // a demonym standing for a place ("Russian")
	Pronoun                      // "he", "she"
)

// Mention is one stretch of a Part that names an entity.
type Mention struct {
	Entity int // index into Doc.Entities
	Part   int // index into Doc.Parts
	// First and Last bound the tokens, [First, Last) in Part.Tokens;
	// Start and End the code points in Part.Text.
	First, Last int
	Start, End  int
	Kind        MentionKind
}

// Doc is the analysed article: its parts, entities and mentions.
type Doc struct {
	// Parts[0] is always the article text; header fields follow.
	Parts    []Part
	Entities []dateline.Entity
	Mentions []Mention
}

// Sentence returns the index of the sentence of Part p holding token i.
func (p *Part) Sentence(i int) int {
	lo, hi := 0, len(p.SentenceStart)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if p.SentenceStart[mid] <= i {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// EntityAt returns the index in Doc.Entities of the entity a token of
// Part p is a mention of, or -1.
func (d *Doc) EntityAt(p, token int) int {
	if m := d.Parts[p].Mention[token]; m >= 0 {
		return d.Mentions[m].Entity
	}
	return -1
}
