package web

import (
	"sort"
	"strings"

	"github.com/datelinehq/dateline"
)

// Segment is a run of article text with one marking: inside a quote or
// not, part of an entity mention or not. Templates print Text escaped.
type Segment struct {
	Text string
	// Entity is the store entity ID of a mention (0: none); Type its type.
	Entity int64
	Type   string
	// Quote is 1 + the index of the quote the text belongs to (0: none).
	Quote   int
	Speaker string
}

// Paragraph is one paragraph of marked text.
type Paragraph []Segment

// highlight cuts an article's text into paragraphs of segments, marking
// entity mentions (linked to their store IDs) and quotations. Offsets are
// code points into Text, as the analysis types promise; spans that are out
// of range or overlap an earlier mention are ignored rather than trusted.
func highlight(a *dateline.StoredArticle) []Paragraph {
	text := []rune(a.Text)
	n := len(text)
	type mark struct {
		entity  int64
		typ     string
		quote   int
		speaker string
	}
	marks := make([]mark, n)
	names := map[string]string{}
	for _, e := range a.Entities {
		names[e.ID] = e.Name
	}
	for i, q := range a.Quotes {
		if q.Start < 0 || q.End > n || q.Start >= q.End {
			continue
		}
		sp := names[q.Speaker]
		if sp == "" {
			sp = q.SpeakerText
		}
		for j := q.Start; j < q.End; j++ {
			marks[j].quote, marks[j].speaker = i+1, sp
		}
	}
	type span struct {
		start, end int
		id         int64
		typ        string
	}
	var spans []span
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if m.Start >= 0 && m.End <= n && m.Start < m.End {
				spans = append(spans, span{m.Start, m.End, a.EntityIDs[e.ID], e.Type})
			}
		}
	}
	// Longer mentions first, so "US President Donald Trump" wins over the
	// "Trump" inside it.
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].end-spans[i].start > spans[j].end-spans[j].start })
	taken := make([]bool, n)
	for _, s := range spans {
		free := true
		for j := s.start; j < s.end && free; j++ {
			free = !taken[j]
		}
		if !free {
			continue
		}
		for j := s.start; j < s.end; j++ {
			taken[j] = true
			marks[j].entity, marks[j].typ = s.id, s.typ
			if s.id == 0 {
				marks[j].entity = -1 // a mention without a store entity: marked, not linked
			}
		}
	}
	var out []Paragraph
	var para Paragraph
	var cur strings.Builder
	var curMark mark
	flush := func() {
		if cur.Len() > 0 {
			para = append(para, Segment{Text: cur.String(), Entity: max(curMark.entity, 0), Type: curMark.typ, Quote: curMark.quote, Speaker: curMark.speaker})
			cur.Reset()
		}
	}
	for i := 0; i < n; i++ {
		if text[i] == '\n' && i+1 < n && text[i+1] == '\n' {
			flush()
			if len(para) > 0 {
				out = append(out, para)
			}
			para = nil
			for i+1 < n && text[i+1] == '\n' {
				i++
			}
			continue
		}
		if marks[i] != curMark {
			flush()
			curMark = marks[i]
		}
		cur.WriteRune(text[i])
	}
	flush()
	if len(para) > 0 {
		out = append(out, para)
	}
	return out
}
