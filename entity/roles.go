package entity

import "strings"

// titlesByLast indexes the titles by their last word, for matching
// backwards from a name.
var titlesByLast = func() map[string][][]string {
	m := map[string][][]string{}
	for _, t := range titles {
		m[t[len(t)-1]] = append(m[t[len(t)-1]], t)
	}
	return m
}()

// titlesByFirst indexes the titles by their first word, for matching
// forwards after a name.
var titlesByFirst = func() map[string][][]string {
	m := map[string][][]string{}
	for _, t := range titles {
		m[t[0]] = append(m[t[0]], t)
	}
	return m
}()

// roles gives persons the role and affiliation the text states next to a
// mention, first statement first:
//
//	AFFILIATION [modifiers] TITLE NAME   "Russian President Vladimir Putin",
//	                                     "Kremlin spokesperson Dmitry Peskov"
//	NAME, [the] [AFFILIATION['s]] [modifiers] TITLE [of|at|for AFFILIATION]
//	                                     "Jane Doe, chief executive of Acme"
func (b *builder) roles() {
	for _, m := range b.d.Mentions {
		e := b.ents[m.Entity]
		if e.typ != "PERSON" || m.Kind == Pronoun || e.role != "" {
			continue
		}
		if b.roleBefore(m, e) {
			continue
		}
		b.roleAfter(m, e)
	}
}

// roleBefore reads "AFFILIATION [modifiers] TITLE NAME".
func (b *builder) roleBefore(m Mention, e *ent) bool {
	p := &b.d.Parts[m.Part]
	sentStart := p.SentenceStart[p.Sentence(m.First)]
	end := m.First
	start := matchTitleBack(p, sentStart, end)
	if start < 0 {
		return false
	}
	for start > sentStart && roleModifiers[strings.ToLower(p.Tokens[start-1].Text)] && p.Mention[start-1] < 0 {
		start--
	}
	b.setRole(e, m.Part, start, end)
	if a := b.affiliationBefore(p, sentStart, start); a >= 0 {
		e.affil = a
	}
	return true
}

// roleAfter reads the apposition "NAME, [the] [AFFILIATION['s]] TITLE [of
// AFFILIATION]".
func (b *builder) roleAfter(m Mention, e *ent) {
	p := &b.d.Parts[m.Part]
	si := p.Sentence(m.First)
	end := p.SentenceStart[si] + len(p.Sentences[si].Tokens)
	i := m.Last
	if i >= end || p.Tokens[i].Text != "," {
		return
	}
	i++
	if i < end && determiners[strings.ToLower(p.Tokens[i].Text)] {
		i++
	}
	affil := -1
	if i < end && p.Mention[i] >= 0 {
		am := b.d.Mentions[p.Mention[i]]
		if isAffiliation(b.ents[am.Entity].typ) {
			affil, i = am.Entity, am.Last
			if i < end && isPossessive(p.Tokens[i].Text) {
				i++
			}
		}
	}
	start := i
	for i < end && roleModifiers[strings.ToLower(p.Tokens[i].Text)] && p.Mention[i] < 0 {
		i++
	}
	tEnd := matchTitleForward(p, i, end)
	if tEnd < 0 {
		// The modifiers may have begun the title ("chief executive").
		i = start
		if tEnd = matchTitleForward(p, i, end); tEnd < 0 {
			return
		}
	}
	b.setRole(e, m.Part, start, tEnd)
	if tEnd+1 < end && ofWords[strings.ToLower(p.Tokens[tEnd].Text)] && p.Mention[tEnd+1] >= 0 {
		am := b.d.Mentions[p.Mention[tEnd+1]]
		if isAffiliation(b.ents[am.Entity].typ) {
			affil = am.Entity
		}
	}
	if affil >= 0 {
		e.affil = affil
	}
}

// affiliationBefore returns the organisation or place named right before
// a role ("US", "Kremlin", "Russia's"), or -1.
func (b *builder) affiliationBefore(p *Part, sentStart, i int) int {
	if i > sentStart && isPossessive(p.Tokens[i-1].Text) {
		i--
	}
	if i <= sentStart || p.Mention[i-1] < 0 {
		return -1
	}
	e := b.d.Mentions[p.Mention[i-1]].Entity
	if !isAffiliation(b.ents[e].typ) {
		return -1
	}
	return e
}

func isAffiliation(typ string) bool { return typ == "ORG" || typ == "PLACE" || typ == "NORP" }

// matchTitleBack returns where the longest title ending right before end
// starts, or -1.
func matchTitleBack(p *Part, from, end int) int {
	if end <= from {
		return -1
	}
	best := -1
	for _, t := range titlesByLast[strings.ToLower(p.Tokens[end-1].Text)] {
		s := end - len(t)
		if s < from || best >= 0 && s >= best {
			continue
		}
		if matchWords(p, s, t) {
			best = s
		}
	}
	return best
}

// matchTitleForward returns where the longest title starting at i ends,
// or -1.
func matchTitleForward(p *Part, i, end int) int {
	if i >= end {
		return -1
	}
	best := -1
	for _, t := range titlesByFirst[strings.ToLower(p.Tokens[i].Text)] {
		if i+len(t) <= end && i+len(t) > best && matchWords(p, i, t) {
			best = i + len(t)
		}
	}
	return best
}

func matchWords(p *Part, s int, t []string) bool {
	for k, w := range t {
		if p.Mention[s+k] >= 0 || strings.ToLower(p.Tokens[s+k].Text) != w {
			return false
		}
	}
	return true
}

func (b *builder) setRole(e *ent, pi, start, end int) {
	e.role = b.text(pi, start, end)
	lw := strings.ToLower(b.d.Parts[pi].Tokens[end-1].Text)
	if g, ok := genderedTitles[lw]; ok && e.gender == "" {
		e.gender = g
	}
}

var determiners = set(`the a an its his her their`)

var ofWords = set(`of at for with to`)

// delegations give the members of a party the affiliation of who leads
// it, where the text does not state theirs: in "Putin is joined by
// Foreign Minister Sergey Lavrov and aide Yury Ushakov" both are Russian
// as Putin is.
func (b *builder) delegations() {
	for pi := range b.d.Parts {
		p := &b.d.Parts[pi]
		for si, s := range p.Sentences {
			start := p.SentenceStart[si]
			end := start + len(s.Tokens)
			for v := start + 1; v+1 < end; v++ {
				if !partyVerbs[strings.ToLower(p.Tokens[v].Text)] || strings.ToLower(p.Tokens[v+1].Text) != "by" {
					continue
				}
				leader := b.personBefore(p, start, v)
				if leader < 0 || b.ents[leader].affil < 0 {
					continue
				}
				for i := v + 2; i < end; i++ {
					w := strings.ToLower(p.Tokens[i].Text)
					if clauseEnds[w] || w == "," && i+1 < end && !b.continuesList(p, i+1) {
						break
					}
					if mi := p.Mention[i]; mi >= 0 {
						m := b.d.Mentions[mi]
						if e := b.ents[m.Entity]; e.typ == "PERSON" && e.affil < 0 && m.Entity != leader {
							e.affil = b.ents[leader].affil
						}
						i = m.Last - 1
					}
				}
			}
		}
	}
}

var partyVerbs = set(`joined accompanied flanked`)

var clauseEnds = set(`while whereas but ; : according said says told . who which`)

// continuesList reports whether the token at i goes on a list of persons:
// a name, a title or a role modifier, or "and".
func (b *builder) continuesList(p *Part, i int) bool {
	w := strings.ToLower(p.Tokens[i].Text)
	if w == "and" || titleWord[w] || roleModifiers[w] {
		return true
	}
	if mi := p.Mention[i]; mi >= 0 {
		return b.ents[b.d.Mentions[mi].Entity].typ == "PERSON"
	}
	return false
}

// personBefore returns the person mentioned last in tokens [from, to) of
// p, or -1; a clause boundary ("while") in between ends the search.
func (b *builder) personBefore(p *Part, from, to int) int {
	for i := to - 1; i >= from; i-- {
		if clauseEnds[strings.ToLower(p.Tokens[i].Text)] {
			return -1
		}
		if mi := p.Mention[i]; mi >= 0 {
			if e := b.d.Mentions[mi].Entity; b.ents[e].typ == "PERSON" {
				return e
			}
		}
	}
	return -1
}
