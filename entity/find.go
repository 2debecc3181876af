package entity

import (
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
// dateline is a place line, not prose, and is left untagged.
func tag(d *Doc, t Tagger) {
	var sents [][]string
	type ref struct{ part, sent int }
	var refs []ref
	for pi := range d.Parts {
		p := &d.Parts[pi]
		if p.Field == FieldDateline {
			continue
		}
		for si, s := range p.Sentences {
			words := make([]string, len(s.Tokens))
			for i, tk := range s.Tokens {
				words[i] = tk.Text
			}
			sents = append(sents, words)
			refs = append(refs, ref{pi, si})
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
		start := p.SentenceStart[r.sent]
		for i, tg := range tags[k] {
			if i < len(p.Sentences[r.sent].Tokens) {
				p.Tags[start+i] = tg
			}
		}
	}
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
