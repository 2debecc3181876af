package quote

import (
	"iter"
	"unicode"
)

// trimOccasion cuts from a content the occasion of the saying that ends
// it: "attacked Machado | in early-morning tweets", "called for more
// school investment | in a statement on Thursday". The occasion belongs
// to the cue's frame, not to what was said. Only where the content is a
// short object (four tokens at most before the occasion) of a cue that
// is not a plain verb of saying, whose object is a clause ("said she had
// toured the museum during a special program"), and is not quoted.
// Cross-validated on train (eval quotes --folds 2): content +14 true
// positives, 11 false ones fewer; on dev, 5 contents become right and
// none wrong.
func trimOccasion(v *view, rels []rel) []rel {
	for r, c := range lastPieces(rels) {
		if c[0] < r.cue[1] || v.state[c[0]] != outside || v.lw[c[0]] == "that" ||
			plainSaying(v.lw[r.cue[1]-1]) || !unicode.IsLetter(rune(v.lw[r.cue[1]-1][0])) {
			continue
		}
		if i := v.occasionAt(c); i > 0 {
			end := i
			for end > c[0]+1 && v.lw[end-1] == "," {
				end--
			}
			c[1] = end
		}
	}
	return rels
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
		for j := i + 1; j < min(c[1], i+5) && v.state[j] == outside; j++ {
			if occasionNouns[v.lw[j]] {
				return i
			}
		}
	}
	return 0
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
	ads appearance stop event events show program broadcast podcast memo report column editorial
	message messages call meeting session testimony sermon commencement`)
