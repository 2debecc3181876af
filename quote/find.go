package quote

import (
	"sort"
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
	rels = append(rels, labelRelations(v, coverage(len(v.toks), rels), res)...)
	sort.SliceStable(rels, func(i, j int) bool { return rels[i].cue[0] < rels[j].cue[0] })
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
	return quotations(v, coverage(len(v.toks), rels), attrs), attrs
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
func quotations(v *view, cov []int32, attrs []dateline.Attribution) []dateline.Quote {
	var out []dateline.Quote
	for i := 0; i < len(v.toks); i++ {
		if v.state[i] != openMark {
			continue
		}
		// The whole quotation, over all its paragraphs, decides who
		// said it; each paragraph makes its own Quote.
		q := v.qid[i]
		end := i + 1
		for end < len(v.toks) && v.qid[end] == q && !(v.state[end] == openMark && !v.paraAt[end]) {
			end++
		}
		if end < len(v.toks) && v.state[end] == closeMark {
			end++
		}
		best := mostCovering(cov, i, end)
		if best < 0 && words(v, i, end) < 5 {
			i = end - 1
			continue
		}
		turns := manySpeakers(cov, i, end)
		for a := i; a < end; {
			b := a + 1
			for b < end && v.state[b] == inside && !v.paraAt[b] {
				b++
			}
			// A quoted transcript holds several speakers' turns, one to
			// a paragraph: each paragraph is its own speaker's, and one
			// none speaks ("(CROSSTALK.)") is nobody's.
			by := best
			if turns {
				by = mostCovering(cov, a, b)
			}
			if a+1 < b && (by >= 0 || !turns || words(v, a, b) >= 5) {
				out = append(out, quoteOf(v, a, b, by, attrs))
			}
			a = b
			if a < end && v.state[a] == closeMark {
				a++
			}
		}
		i = end - 1
	}
	if out == nil {
		out = []dateline.Quote{}
	}
	return out
}

// quoteOf makes the Quote of the inner tokens (open, b) of a quotation
// piece, attributed by relation best (or none when -1).
func quoteOf(v *view, open, b, best int, attrs []dateline.Attribution) dateline.Quote {
	first := open + 1
	// A turn's label ("PENCE:") is not part of what was said.
	for k := first; k < min(b-1, first+4); k++ {
		if v.lw[k] == ":" && v.cueAt[k] {
			first = k + 1
			break
		}
	}
	q := dateline.Quote{Start: v.toks[first].Start, End: v.toks[b-1].End}
	q.Text = string(v.text[q.Start:q.End])
	if best >= 0 {
		q.Cue = attrs[best].Cue.Text
		if s := attrs[best].Source; s != nil {
			q.Speaker, q.SpeakerText = s.Entity, s.Text
		}
	}
	q.Partial = partial(v, open, b)
	return q
}

// mostCovering returns the relation covering most tokens of [a, b), or -1.
func mostCovering(cov []int32, a, b int) int {
	votes := map[int32]int{}
	best, most := -1, 0
	for i := a; i < b; i++ {
		if k := cov[i]; k >= 0 {
			votes[k]++
			if votes[k] > most || votes[k] == most && int(k) < best {
				best, most = int(k), votes[k]
			}
		}
	}
	return best
}

// manySpeakers reports whether more than one relation covers tokens of
// [a, b).
func manySpeakers(cov []int32, a, b int) bool {
	first := int32(-1)
	for i := a; i < b; i++ {
		switch k := cov[i]; {
		case k < 0 || k == first:
		case first < 0:
			first = k
		default:
			return true
		}
	}
	return false
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
