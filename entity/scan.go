package entity

import "strings"

// scanNames finds the repeats of names that the tagger left untagged: a
// known person's surname (also in capitals as a speaker's label,
// "PENCE:"), or the exact words of a name already found, written with the
// same capitals. A sentence-initial word seen elsewhere in lower case is
// not taken (Mikheev 1999).
func (b *builder) scanNames() {
	type cand struct {
		e     int
		words []string
		kind  MentionKind
		label bool // only before a colon: a speaker's label in capitals
	}
	byFirst := map[string][]cand{}
	surnames := map[string]int{} // surname -> person, -2 when shared
	for ei, e := range b.ents {
		if e.typ == "PERSON" {
			byFirst[e.words[0]] = append(byFirst[e.words[0]], cand{ei, e.words, Name, false})
			if len(e.words) > 1 {
				last := e.words[len(e.words)-1]
				if prev, ok := surnames[last]; ok && prev != ei {
					surnames[last] = -2
				} else {
					surnames[last] = ei
				}
			}
			continue
		}
		seen := map[string]bool{}
		for _, mi := range e.mentions {
			m := b.d.Mentions[mi]
			p := &b.d.Parts[m.Part]
			ws := make([]string, 0, m.Last-m.First)
			for i := m.First; i < m.Last; i++ {
				ws = append(ws, p.Tokens[i].Text)
			}
			k := strings.Join(ws, " ")
			if seen[k] || !startsUpper(ws[0]) {
				continue
			}
			seen[k] = true
			byFirst[ws[0]] = append(byFirst[ws[0]], cand{ei, ws, m.Kind, false})
		}
	}
	for w, e := range surnames {
		if e >= 0 {
			byFirst[w] = append(byFirst[w], cand{e, []string{w}, Short, false})
			if up := strings.ToUpper(w); up != w && len(w) > 1 {
				// "PENCE: Well, look, …" in a transcript.
				byFirst[up] = append(byFirst[up], cand{e, []string{up}, Short, true})
			}
		}
	}
	for pi := range b.d.Parts {
		p := &b.d.Parts[pi]
		if p.Field == FieldDateline {
			continue
		}
		for si := range p.Sentences {
			start := p.SentenceStart[si]
			end := start + len(p.Sentences[si].Tokens)
			for i := start; i < end; i++ {
				cs := byFirst[p.Tokens[i].Text]
				if len(cs) == 0 || p.Mention[i] >= 0 {
					continue
				}
				if i == start && b.lower[strings.ToLower(p.Tokens[i].Text)] && !isAllCaps(p.Tokens[i].Text) {
					continue
				}
				best := -1
				for ci, c := range cs {
					if i+len(c.words) > end || best >= 0 && len(c.words) <= len(cs[best].words) {
						continue
					}
					if c.label && (i+1 >= end || p.Tokens[i+1].Text != ":") {
						continue
					}
					ok := true
					for k, w := range c.words {
						if p.Tokens[i+k].Text != w {
							ok = false
							break
						}
					}
					if ok {
						best = ci
					}
				}
				if best < 0 {
					continue
				}
				c := cs[best]
				if b.mention(c.e, pi, i, i+len(c.words), c.kind) {
					i += len(c.words) - 1
				}
			}
		}
	}
}
