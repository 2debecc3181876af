package quote

import (
	"slices"
	"strings"
)

// midSignature completes a content parted by a signature set between
// commas in the middle of its sentence ("A, SOURCE CUE, B" or "A, CUE
// SOURCE, B"), of which the labeller often keeps one part: PolNeAR's
// content is both. To a content A it adds the rest of the sentence after
// the signature ("…young voters, Graham said, since most of them accept
// the science"); to a content B, the sentence's opening before it
// ("Democrats, Frank notes, applaud the shrewd management"). The added
// part is the writer's words, holds no quotation and is no other
// relation's content, unless that relation lies inside it (univocal
// then drops it).
//
// The rest is added unless it opens with a participle ("…, citing
// another source") or is under three words; or, where A opens the
// sentence, when it holds no cue and is two words or more. The opening is
// added when it may be the speaker's words (speakersWords: "If Trump is
// not the nominee, Christie said, he would settle for a rival"), or, for
// an indirect B, when it holds no cue and opens with no conjunction: a
// quotation after the signature is framed by the writer's words ("At the
// same time, he said, “…”"), an indirect statement mostly is not.
//
// This used to be two passes run straight after the labeller (frontPieces
// and backPieces: the speakersWords opening and the cue-free rest after a
// sentence-opening A); run after the quotation rules, with the other
// cases added, it took content on two-fold models of PolNeAR train from
// 9,780 to 9,800 true positives and from 6,224 to 6,195 false ones, with
// 9 false cues and 8 false sources fewer; on dev, 1 right content more
// and 2 wrong fewer.
func midSignature(v *view, rels []rel) []rel {
	var cov []int32
	for k := range rels {
		r := &rels[k]
		c, lo, hi, ok := v.aside(r)
		if !ok || v.sentOf[lo-1] != v.sentOf[hi+1] || v.paraAt[hi+1] {
			continue
		}
		var add [2]int
		switch {
		case c[1] == lo-1:
			add = v.restAfter(hi + 1)
			if add == none && int(v.sentStart[c[0]]) == c[0] {
				// A opens the sentence: a shorter rest will do, if it is plain.
				if end := v.sentenceRest(hi + 1); end-(hi+1) >= 2 && v.plain(hi+1, end) {
					add = [2]int{hi + 1, end}
				}
			}
		case c[0] == hi+1:
			if a := int(v.sentStart[lo]); v.speakersWords(a, lo-1) {
				add = [2]int{a, lo - 1}
			} else if v.state[c[0]] == outside {
				add = v.firstWords(lo - 1)
			} else {
				add = none
			}
		default:
			continue
		}
		if add == none {
			continue
		}
		if cov == nil {
			cov = coverage(len(v.toks), rels)
		}
		if claimedFrom(cov, rels, add, k) {
			continue
		}
		r.content = insertPiece(r.content, add)
		for i := add[0]; i < add[1]; i++ {
			cov[i] = int32(k)
		}
	}
	return rels
}

// restAfter returns the writer's words from token a to the end of its
// sentence, its closing marks aside, or none: fewer than three words,
// an opening participle or a quotation.
func (v *view) restAfter(a int) [2]int {
	quoted := func(s uint8) bool { return s != outside }
	if strings.HasSuffix(v.lw[a], "ing") || slices.ContainsFunc(v.state[a:v.sentEnd[a]], quoted) {
		return none
	}
	e := v.sentenceRest(a)
	if e-a < 3 {
		return none
	}
	return [2]int{a, e}
}

// firstWords returns the writer's words from the start of the sentence
// to token e, or none: a quotation, a cue, or an opening conjunction.
func (v *view) firstWords(e int) [2]int {
	a := int(v.sentStart[e])
	if a >= e || !v.plain(a, e) || opensClause(v.lw[a]) {
		return none
	}
	return [2]int{a, e}
}

// aside returns the single piece of a relation's content and the span
// [lo, hi) of its single source and cue, when commas stand on both sides
// of that span: a signature set in the sentence as an aside.
func (v *view) aside(r *rel) (c [2]int, lo, hi int, ok bool) {
	if len(r.content) != 1 {
		return c, 0, 0, false
	}
	lo, hi, ok = v.signatureAside(r)
	return r.content[0], lo, hi, ok
}

// signatureAside returns the span [lo, hi) of a relation's single source
// and cue when commas stand on both sides of it.
func (v *view) signatureAside(r *rel) (lo, hi int, ok bool) {
	if len(r.source) != 1 {
		return 0, 0, false
	}
	lo, hi = spanOf(r.cue, r.source)
	ok = lo > 0 && v.lw[lo-1] == "," && hi+1 < len(v.toks) && v.lw[hi] == ","
	return lo, hi, ok
}

// sentenceRest is the end of token a's sentence, less its closing stops
// and never before a.
func (v *view) sentenceRest(a int) int {
	end := int(v.sentEnd[a])
	for end > a && stops(v.lw[end-1]) {
		end--
	}
	return end
}

// speakersWords reports whether tokens [a, b), a sentence's opening
// before a parenthetical signature, may be part of what was said.
func (v *view) speakersWords(a, b int) bool {
	if b-a < 3 || circumstance[v.lw[a]] || asideOpeners[v.lw[a]] || strings.HasSuffix(v.lw[a], "ing") {
		return false
	}
	for i := a; i < b; i++ {
		if v.cueAt[i] || v.state[i] != outside || timeWords[v.lw[i]] {
			return false
		}
	}
	return true
}

// asideOpeners open the writer's own words: conjunctions, adverbs of
// sequence, prepositions.
var asideOpeners = wordSet(`but and now yet so still instead however meanwhile later earlier as when
	while with by of to under since last this asked`)

// timeWords say when or where.
var timeWords = wordSet(`ago later earlier week weeks month months year years day days night morning
	afternoon evening yesterday today monday tuesday wednesday thursday friday saturday sunday after
	before here there suddenly immediately`)
