package entity

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

// finish writes the entities out: in order of first mention in the text
// (entities named only in the header last), each with the fullest name
// it is given, its role and affiliation, its place in the gazetteer, and
// its mentions in the text.
func (b *builder) finish() {
	first := make([]int, len(b.ents))
	for ei, e := range b.ents {
		first[ei] = 1 << 62
		for _, mi := range e.mentions {
			m := b.d.Mentions[mi]
			pos := m.Part<<40 | m.Start
			if pos < first[ei] {
				first[ei] = pos
			}
		}
	}
	order := make([]int, len(b.ents))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return first[order[i]] < first[order[j]] })
	newIndex := make([]int, len(b.ents))
	for ni, ei := range order {
		newIndex[ei] = ni
	}
	out := make([]dateline.Entity, len(order))
	for ni, ei := range order {
		out[ni] = b.entity(ei, fmt.Sprintf("e%d", ni+1))
	}
	for ni, ei := range order {
		if a := b.ents[ei].affil; a >= 0 {
			out[ni].Affiliation = out[newIndex[a]].Name
		}
	}
	for i := range b.d.Mentions {
		b.d.Mentions[i].Entity = newIndex[b.d.Mentions[i].Entity]
	}
	b.d.Entities = out
}

// entity renders one entity.
func (b *builder) entity(ei int, id string) dateline.Entity {
	e := b.ents[ei]
	out := dateline.Entity{ID: id, Type: e.typ, Kind: e.kind, Role: e.role, Mentions: []dateline.Span{}}
	longest := 0
	for _, mi := range e.mentions {
		m := b.d.Mentions[mi]
		p := &b.d.Parts[m.Part]
		text := string(p.Runes[m.Start:m.End])
		if m.Kind == Name || m.Kind == Short {
			if n := utf8.RuneCountInString(text); n > longest {
				longest, out.Name = n, text
			}
		}
		if m.Part == 0 {
			out.Mentions = append(out.Mentions, dateline.Span{Text: text, Start: m.Start, End: m.End})
		}
	}
	if e.place != nil {
		out.Name = e.place.Name
		out.Country = e.place.Country
		if e.place.HasCoords {
			lat, lon := e.place.Lat, e.place.Lon
			out.Lat, out.Lon = &lat, &lon
		}
	}
	if out.Name == "" && len(e.mentions) > 0 {
		m := b.d.Mentions[e.mentions[0]]
		out.Name = string(b.d.Parts[m.Part].Runes[m.Start:m.End])
	}
	sort.Slice(out.Mentions, func(i, j int) bool { return out.Mentions[i].Start < out.Mentions[j].Start })
	return out
}
