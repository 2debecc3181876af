package entity

import "strings"

// pronounWindow bounds how far back, in sentences and in mentions, an
// antecedent is sought, so that time stays linear in the text.
const (
	pronounSentences = 3
	pronounMentions  = 12
)

// pronouns resolves "he" and "she" where they are the subject of a
// speech or action ("he told reporters", "he would press Putin") to the
// person most salient before them: within each sentence, going back from
// the pronoun's own, the last person who is a subject, else the last
// person; persons of the other gender, where it is known, are skipped.
// This keeps the two strongest factors of Lappin and Leass (1994),
// recency and subjecthood, and leaves the rest to later work.
func (b *builder) pronouns() {
	for pi := range b.d.Parts {
		p := &b.d.Parts[pi]
		if p.Field == FieldDateline {
			continue
		}
		var persons []int // mentions of persons in this part, in text order
		for i := 0; i < len(p.Tokens); i++ {
			if mi := p.Mention[i]; mi >= 0 {
				m := b.d.Mentions[mi]
				if b.ents[m.Entity].typ == "PERSON" {
					persons = append(persons, int(mi))
				}
				i = m.Last - 1
				continue
			}
			g, ok := subjectPronouns[strings.ToLower(p.Tokens[i].Text)]
			if !ok || !b.actsNext(p, i) {
				continue
			}
			e := b.antecedent(p, persons, i, g)
			if e < 0 {
				continue
			}
			b.mention(e, pi, i, i+1, Pronoun)
			persons = append(persons, int(p.Mention[i]))
		}
	}
}

// antecedent picks the entity a subject pronoun at token i refers to.
func (b *builder) antecedent(p *Part, persons []int, i int, gender string) int {
	s := p.Sentence(i)
	bestSent, best, bestSubj := -1, -1, false
	for k := len(persons) - 1; k >= 0 && k >= len(persons)-pronounMentions; k-- {
		m := b.d.Mentions[persons[k]]
		ms := p.Sentence(m.First)
		if ms < s-pronounSentences {
			break
		}
		if bestSent >= 0 && ms != bestSent {
			break // the nearest sentence with a candidate decides
		}
		e := b.ents[m.Entity]
		if e.gender != "" && e.gender != gender {
			continue
		}
		subj := m.Kind == Pronoun || b.isSubject(p, m)
		if best < 0 || subj && !bestSubj {
			bestSent, best, bestSubj = ms, m.Entity, subj
		}
	}
	if best >= 0 && b.ents[best].gender == "" {
		b.ents[best].gender = gender
	}
	return best
}

// actsNext reports whether the word after a pronoun at i is a verb (an
// auxiliary, a speech verb, a past or present tense), adverbs skipped.
func (b *builder) actsNext(p *Part, i int) bool {
	for j := i + 1; j < len(p.Tokens) && j <= i+3; j++ {
		w := p.Tokens[j].Text
		if strings.HasSuffix(w, "ly") || adverbs[w] {
			continue
		}
		return isVerbLike(w)
	}
	return false
}

// isSubject reports whether a mention is the subject of its clause: a
// verb or an apposition follows it, and no preposition or verb governs it
// from before (titles and modifiers in between are skipped).
func (b *builder) isSubject(p *Part, m Mention) bool {
	if m.Last >= len(p.Tokens) {
		return false
	}
	next := p.Tokens[m.Last].Text
	if next != "," && !isVerbLike(next) {
		return false
	}
	from := p.SentenceStart[p.Sentence(m.First)]
	for j := m.First - 1; j >= from && j >= m.First-6; j-- {
		w := p.Tokens[j].Text
		lw := strings.ToLower(w)
		if p.Mention[j] >= 0 || titleWord[lw] || roleModifiers[lw] || startsUpper(w) {
			continue // still the noun phrase of the mention
		}
		return !prepositions[lw] && !isVerbLike(w)
	}
	return true
}

// isVerbLike is a cheap test for a finite verb: a listed one, or a lower
// case word ending in -ed or -s.
func isVerbLike(w string) bool {
	if auxiliaries[w] {
		return true
	}
	if !isLowerWord(w) || len(w) < 4 {
		return false
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
}

var adverbs = set(`also then later still never not again already just once previously reportedly allegedly`)
