package entity

import (
	"strings"

	"github.com/datelinehq/dateline/segment"
)

// Find reads the article text and its header fields: it splits them into
// sentences and tokens, tags them with m.Tagger in one document (so that
// a name tagged with confidence in one place informs the others), and
// turns the tags into entities. Time is linear in the length of the
// input: every rule looks at a bounded neighbourhood.
func Find(text string, h Header, m *Models) *Doc {
	d := &Doc{Parts: []Part{newPart(FieldText, text)}}
	for _, f := range []struct{ field, text string }{
		{FieldTitle, h.Title}, {FieldSubtitle, h.Subtitle}, {FieldDateline, h.Dateline},
	} {
		if f.text != "" {
			d.Parts = append(d.Parts, newPart(f.field, f.text))
		}
	}
	tag(d, m.Tagger)
	b := newBuilder(d, m)
	b.collect()
	b.resolve()
	b.dateline()
	b.scanNames()
	b.roles()
	b.delegations()
	b.pronouns()
	b.finish()
	return d
}

// newPart segments one stretch of text.
func newPart(field, text string) Part {
	p := Part{Field: field, Text: text, Runes: []rune(text)}
	sents := segment.Split(text)
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	p.Tokens = make([]segment.Token, 0, n)
	p.Sentences = make([]segment.Sentence, len(sents))
	p.SentenceStart = make([]int, len(sents))
	for i, s := range sents {
		start := len(p.Tokens)
		p.Tokens = append(p.Tokens, s.Tokens...)
		p.SentenceStart[i] = start
		p.Sentences[i] = segment.Sentence{Start: s.Start, End: s.End, Tokens: p.Tokens[start:len(p.Tokens):len(p.Tokens)]}
	}
	p.Mention = make([]int32, n)
	for i := range p.Mention {
		p.Mention[i] = -1
	}
	p.Tags = make([]string, n)
	for i := range p.Tags {
		p.Tags[i] = "O"
	}
	p.Headline = make([]bool, len(sents))
	for i, s := range p.Sentences {
		p.Headline[i] = isHeadline(s.Tokens)
	}
	return p
}

// tag runs the tagger over the title, subtitle and text together; the
// dateline is a place line, not prose, and is left untagged. The tagger
// is most of the cost of analysis (see BenchmarkStages in package
// analyze), so it sees only the stretch of each sentence that can hold a
// name: from two words before its first capitalised word to two after its
// last, its features looking no further than that. Sentences without one
// are not tagged at all.
func tag(d *Doc, t Tagger) {
	var sents [][]string
	type ref struct{ part, from int }
	var refs []ref
	for pi := range d.Parts {
		p := &d.Parts[pi]
		if p.Field == FieldDateline {
			continue
		}
		for si, s := range p.Sentences {
			lo, hi := nameStretch(s.Tokens)
			if lo >= hi {
				continue
			}
			words := make([]string, hi-lo)
			for i := range words {
				words[i] = s.Tokens[lo+i].Text
			}
			sents = append(sents, words)
			refs = append(refs, ref{pi, p.SentenceStart[si] + lo})
		}
	}
	if len(sents) == 0 || t == nil {
		return
	}
	tags := t.TagDocument(sents)
	for k, r := range refs {
		if k >= len(tags) {
			break
		}
		p := &d.Parts[r.part]
		for i, tg := range tags[k] {
			if i < len(sents[k]) {
				p.Tags[r.from+i] = tg
			}
		}
	}
}

// stretchMargin is how many words around the capitalised ones the tagger
// sees.
const stretchMargin = 2

// nameStretch returns the tokens [lo, hi) of a sentence that may hold a
// name: capitalised words (a common word starting the sentence aside)
// with a margin. lo >= hi when there is none.
func nameStretch(toks []segment.Token) (lo, hi int) {
	first, last := -1, -1
	for i, t := range toks {
		for _, r := range t.Text {
			if isUpper(r) && (i > 0 || !commonWords[strings.ToLower(t.Text)]) {
				if first < 0 {
					first = i
				}
				last = i
			}
			break
		}
	}
	if first < 0 {
		return 0, 0
	}
	return max(0, first-stretchMargin), min(len(toks), last+1+stretchMargin)
}

// isHeadline reports whether a sentence is written in title case or in
// capitals: a headline, a menu, a credit line ("Trump, Putin Begin
// ‘Historic’ Alaska Summit", "Follow Us:", "TIS Desk | Alaska"). There, capitals do not
// mark names, so names found there need confirming.
func isHeadline(toks []segment.Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		r := []rune(t.Text)
		if !isLetter(r[0]) {
			continue
		}
		if smallWords[t.Text] {
			continue
		}
		words++
		if isUpper(r[0]) {
			caps++
		}
	}
	// Prose ends with a full stop; a name-heavy sentence ("Donald Trump
	// met Vladimir Putin.") still has its verb in lower case.
	if len(toks) > 0 && toks[len(toks)-1].Text == "." && caps < words {
		return false
	}
	return words >= 2 && caps*10 >= words*9
}

// smallWords stay lower case in title-case headlines.
var smallWords = set(`a an the and or nor but of in on at to for with by from as vs via into onto over per`)
