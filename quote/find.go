package quote

import (
	"strings"
	"unicode"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/segment"
)

// Find returns the direct quotations and the attribution relations of a
// text, given its sentences (segment.Split) and its entities with their
// mentions; sources and speakers are resolved to those entities, through
// pronouns and role nouns ("the spokesperson") where needed. All offsets
// are code points into text. Time is linear in the text.
func (m *Model) Find(text []rune, sents []segment.Sentence, ents []dateline.Entity) ([]dateline.Quote, []dateline.Attribution) {
	v := newView(text, sents)
	rels := m.relations(v)
	res := newResolver(v, ents)
	rels = append(rels, labelRelations(v, rels, res)...)
	attrs := make([]dateline.Attribution, 0, len(rels))
	srcEnt := make([]string, len(rels))
	for k, r := range rels {
		a := dateline.Attribution{Cue: v.span(r.cue)}
		if len(r.source) > 0 {
			s := v.span(r.source[0])
			srcEnt[k] = res.resolve(r.source[0], srcEnt[:k], rels[:k])
			a.Source = &dateline.AttrSource{Span: s, Entity: srcEnt[k]}
		}
		var parts []string
		for _, c := range r.content {
			sp := v.span(c)
			a.Content.Spans = append(a.Content.Spans, [2]int{sp.Start, sp.End})
			parts = append(parts, sp.Text)
		}
		a.Content.Text = strings.Join(parts, " ")
		if a.Content.Spans == nil {
			a.Content.Spans = [][2]int{}
		}
		attrs = append(attrs, a)
	}
	return quotations(v, rels, attrs), attrs
}

// span turns a token range into a dateline.Span.
func (v *view) span(r [2]int) dateline.Span {
	if r[1] <= r[0] {
		return dateline.Span{}
	}
	a, b := v.toks[r[0]].Start, v.toks[r[1]-1].End
	return dateline.Span{Text: string(v.text[a:b]), Start: a, End: b}
}

// quotations lists the stretches between quotation marks that are speech:
// those an attribution's content covers, and unattributed ones of five
// words or more (a title or a scare-quoted word is not a quotation). A
// quotation continued over paragraphs gives one Quote per paragraph.
func quotations(v *view, rels []rel, attrs []dateline.Attribution) []dateline.Quote {
	var out []dateline.Quote
	for i := 0; i < len(v.toks); i++ {
		if v.state[i] != openMark {
			continue
		}
		j := i + 1
		for j < len(v.toks) && v.state[j] == inside && !v.paraAt[j] {
			j++
		}
		a, b := i+1, j // inner tokens
		if a >= b {
			continue
		}
		q := dateline.Quote{Start: v.toks[a].Start, End: v.toks[b-1].End}
		q.Text = string(v.text[q.Start:q.End])
		best, most := -1, 0
		for k, r := range rels {
			for _, c := range r.content {
				if o := min(c[1], b) - max(c[0], a); o > most {
					best, most = k, o
				}
			}
		}
		if best < 0 && words(v, a, b) < 5 {
			i = j - 1
			continue
		}
		if best >= 0 {
			q.Cue = attrs[best].Cue.Text
			if s := attrs[best].Source; s != nil {
				q.Speaker, q.SpeakerText = s.Entity, s.Text
			}
		}
		q.Partial = partial(v, i, b)
		out = append(out, q)
		i = j - 1
	}
	if out == nil {
		out = []dateline.Quote{}
	}
	return out
}

func words(v *view, a, b int) int {
	n := 0
	for i := a; i < b; i++ {
		if r := []rune(v.toks[i].Text); len(r) > 0 && (unicode.IsLetter(r[0]) || unicode.IsDigit(r[0])) {
			n++
		}
	}
	return n
}

// partial reports a quotation that is part of a sentence of the writer's:
// it opens in lower case, or a word of the same sentence runs into it
// ("described as “historic”") rather than a colon, a comma or nothing.
func partial(v *view, open, end int) bool {
	if r := []rune(v.toks[open+1].Text); unicode.IsLower(r[0]) {
		return true
	}
	if open == 0 || v.paraAt[open] || v.sentOf[open-1] != v.sentOf[open] {
		return false
	}
	r := []rune(v.toks[open-1].Text)
	return unicode.IsLetter(r[0]) && !isSpeechVerb(v.lw[open-1])
}

// isSpeechVerb lists the verbs that may run straight into a full
// quotation ("said “We will win.”").
func isSpeechVerb(w string) bool {
	switch w {
	case "said", "says", "say", "added", "asked", "told", "wrote", "writes", "tweeted", "declared", "replied", "insisted", "stated":
		return true
	}
	return false
}
