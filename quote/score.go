package quote

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Count holds exact-match counts for one kind of span.
type Count struct{ TP, FP, FN int }

// P, R and F1 are in percent; zero when undefined.
func (c Count) P() float64  { return pct(c.TP, c.TP+c.FP) }
func (c Count) R() float64  { return pct(c.TP, c.TP+c.FN) }
func (c Count) F1() float64 { return pct(2*c.TP, 2*c.TP+c.FP+c.FN) }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Score accumulates the exact-match evaluation of attribution relations
// over documents, the measure of the PolNeAR papers: a predicted source,
// cue or content counts only where a gold span of the same role has
// exactly the same pieces. Spans are compared as sets per document, so a
// source shared by two relations counts once. Speaker accuracy is over
// the gold direct quotes (contents opening with a quotation mark) that
// have a source: right when the predicted relation whose content overlaps
// the quote most has exactly the gold source.
type Score struct {
	Source, Cue, Content Count
	SpeakerRight         int
	SpeakerTotal         int
	Docs                 int
}

// SpeakerAccuracy is in percent.
func (s *Score) SpeakerAccuracy() float64 { return pct(s.SpeakerRight, s.SpeakerTotal) }

// Add scores one document's predicted relations against its gold ones.
func (s *Score) Add(text []rune, gold, pred []Relation) {
	s.Docs++
	role := func(rs []Relation, f func(Relation) Pieces) map[string]bool {
		m := map[string]bool{}
		for _, r := range rs {
			if ps := f(r); len(ps) > 0 {
				m[key(joinPieces(text, ps))] = true
			}
		}
		return m
	}
	for _, x := range []struct {
		c *Count
		f func(Relation) Pieces
	}{
		{&s.Source, func(r Relation) Pieces { return r.Source }},
		{&s.Cue, func(r Relation) Pieces { return r.Cue }},
		{&s.Content, func(r Relation) Pieces { return r.Content }},
	} {
		g, p := role(gold, x.f), role(pred, x.f)
		for k := range p {
			if g[k] {
				x.c.TP++
			} else {
				x.c.FP++
			}
		}
		for k := range g {
			if !p[k] {
				x.c.FN++
			}
		}
	}
	for _, g := range gold {
		if len(g.Source) == 0 || !IsDirect(text, g.Content) {
			continue
		}
		s.SpeakerTotal++
		best, most := -1, 0
		for i, p := range pred {
			if o := overlap(g.Content, p.Content); o > most {
				best, most = i, o
			}
		}
		if best >= 0 && key(joinPieces(text, pred[best].Source)) == key(joinPieces(text, g.Source)) {
			s.SpeakerRight++
		}
	}
}

// merge adds the counts of o.
func (s *Score) merge(o *Score) {
	for _, c := range []struct{ to, from *Count }{{&s.Source, &o.Source}, {&s.Cue, &o.Cue}, {&s.Content, &o.Content}} {
		c.to.TP += c.from.TP
		c.to.FP += c.from.FP
		c.to.FN += c.from.FN
	}
	s.SpeakerRight += o.SpeakerRight
	s.SpeakerTotal += o.SpeakerTotal
	s.Docs += o.Docs
}

// Report writes the scores as a small table.
func (s *Score) Report(w io.Writer) {
	fmt.Fprintf(w, "%d documents, exact match\n", s.Docs)
	fmt.Fprintf(w, "%-8s %6s %6s %6s %6s %6s %6s\n", "span", "P", "R", "F1", "TP", "FP", "FN")
	for _, x := range []struct {
		name string
		c    Count
	}{{"source", s.Source}, {"cue", s.Cue}, {"content", s.Content}} {
		fmt.Fprintf(w, "%-8s %6.1f %6.1f %6.1f %6d %6d %6d\n", x.name, x.c.P(), x.c.R(), x.c.F1(), x.c.TP, x.c.FP, x.c.FN)
	}
	fmt.Fprintf(w, "direct-quote speaker accuracy %.1f (%d/%d)\n", s.SpeakerAccuracy(), s.SpeakerRight, s.SpeakerTotal)
}

// joinPieces merges the pieces of a span that only white space parts:
// brat's annotators split spans at line and sentence ends ("…the birther
// controversy. | I finished it,”"), which says nothing about the text the
// span covers, so "a b" and "a | b" are the same span.
func joinPieces(text []rune, ps Pieces) Pieces {
	if len(ps) < 2 {
		return ps
	}
	out := Pieces{ps[0]}
	for _, p := range ps[1:] {
		last := &out[len(out)-1]
		if p[0] >= last[1] && blank(text, last[1], p[0]) {
			last[1] = max(last[1], p[1])
			continue
		}
		out = append(out, p)
	}
	return out
}

func blank(text []rune, a, b int) bool {
	for i := a; i < b && i < len(text); i++ {
		if !unicode.IsSpace(text[i]) {
			return false
		}
	}
	return true
}

// IsDirect reports whether a content opens with a quotation mark.
func IsDirect(text []rune, content Pieces) bool {
	if len(content) == 0 || content[0][0] >= len(text) || content[0][0] < 0 {
		return false
	}
	return isQuoteMark(text[content[0][0]])
}

func key(ps Pieces) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(strconv.Itoa(p[0]))
		b.WriteByte('-')
		b.WriteString(strconv.Itoa(p[1]))
		b.WriteByte(';')
	}
	return b.String()
}

// overlap counts the positions two spans share: code points, or tokens
// for spans of token ranges.
func overlap(a, b Pieces) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if lo, hi := max(x[0], y[0]), min(x[1], y[1]); hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}
