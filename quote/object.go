package quote

import (
	"iter"
	"strings"
	"unicode"
)

// trimObject cuts from a content what follows the cue's object, where
// the content is that object (not a clause of its own, "that …"), the
// cue is not a plain verb of saying, whose object is a clause ("said she
// had toured the museum during a special program"), and nothing is
// quoted: a second predicate of the cue's subject ("championed gay
// rights | and extended benefits to gay couples") and the occasion of
// the saying ("attacked Machado | in early-morning tweets", "called for
// more school investment | in a statement on Thursday"), which belong to
// the cue's frame, not to what was said. Cross-validated on train (eval
// quotes --folds 2), the occasion: content +14 true positives, 11 false
// ones fewer (on dev, 5 contents become right and none wrong); the
// second predicate: +18 and 13 fewer (on dev, 7 right and none wrong).
func trimObject(v *view, info []tokenInfo, rels []rel) []rel {
	for r, c := range lastPieces(rels) {
		if c[0] < r.cue[1] || v.state[c[0]] != outside || v.lw[c[0]] == "that" ||
			plainSaying(v.lw[r.cue[1]-1]) || !unicode.IsLetter(rune(v.lw[r.cue[1]-1][0])) {
			continue
		}
		if i := v.secondPredicate(info, c); i > 0 {
			v.cutAt(c, i)
		}
		if i := v.occasionAt(c); i > 0 {
			v.cutAt(c, i)
		}
	}
	return rels
}

// cutAt ends the content c before token i and the commas before it.
func (v *view) cutAt(c *[2]int, i int) {
	for i > c[0]+1 && v.lw[i-1] == "," {
		i--
	}
	c[1] = i
}

// occasionAt returns where an occasion opens within the first five tokens
// of the content c ("in a statement"), or 0: a preposition with a noun of
// the occasion of saying within its next four tokens, and no more than
// twelve tokens to the content's end.
func (v *view) occasionAt(c *[2]int) int {
	for i := c[0] + 1; i < c[1] && i <= c[0]+4; i++ {
		if !occasionPreps[v.lw[i]] || c[1]-i > 12 {
			continue
		}
		if v.occasionNounAfter(i, c[1]) {
			return i
		}
	}
	return 0
}

// occasionNounAfter reports a noun of the occasion of saying within the
// four tokens after the preposition at i, before end and any quotation.
func (v *view) occasionNounAfter(i, end int) bool {
	for j := i + 1; j < min(end, i+5) && v.state[j] == outside; j++ {
		if occasionNouns[v.lw[j]] {
			return true
		}
	}
	return false
}

// lastPieces yields each relation that has a content with its last piece.
func lastPieces(rels []rel) iter.Seq2[*rel, *[2]int] {
	return func(yield func(*rel, *[2]int) bool) {
		for k := range rels {
			r := &rels[k]
			if n := len(r.content); n > 0 && !yield(r, &r.content[n-1]) {
				return
			}
		}
	}
}

var occasionPreps = wordSet(`in at on during via after before since from through`)

var occasionNouns = wordSet(`statement statements interview interviews tweet tweets speech speeches remarks debate
	rally address email emails letter op-ed hearing appearance conference briefing post posts video ad
	ads stop event events show program broadcast podcast memo report column editorial
	message messages call meeting session testimony sermon commencement`)

// secondPredicate returns where "and" or "but" opens a second predicate
// of the cue's subject within the content c ("championed gay rights | and
// extended benefits to gay couples"), or 0: an auxiliary or a verb in
// -ed after the conjunction (adverbs aside), not after a participle
// ("unsubstantiated and fabricated"), nor past a relative word, whose
// clause the predicate may belong to.
func (v *view) secondPredicate(info []tokenInfo, c *[2]int) int {
	for i := c[0] + 1; i < c[1]-1; i++ {
		if relativeWords[v.lw[i]] {
			return 0 // "a nation that borders China and has had …": the relative clause's
		}
		if v.lw[i] != "and" && v.lw[i] != "but" || v.state[i] != outside {
			continue
		}
		if p := v.lw[i-1]; strings.HasSuffix(p, "ed") || strings.HasSuffix(p, "en") || p == "born" {
			continue // "unsubstantiated and fabricated", "born and raised"
		}
		j := i + 1
		for j < c[1] && predicateAdverbs[v.lw[j]] {
			j++
		}
		if j == c[1] {
			return 0
		}
		w := v.lw[j]
		if auxiliary[w] || strings.HasSuffix(w, "ed") && info[j].verb[0] != 0 {
			return i
		}
	}
	return 0
}

var predicateAdverbs = wordSet(`also then later since even still now subsequently quickly`)

var relativeWords = wordSet(`who whom whose which that where when`)
