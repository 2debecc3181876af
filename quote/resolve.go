package quote

import (
	"sort"
	"strings"
	"unicode"

	"github.com/datelinehq/dateline"
)

// resolver maps source spans to entities.
type resolver struct {
	v        *view
	ents     []dateline.Entity
	mentions []mention // in text order
}

type mention struct {
	start, end int // code points
	ent        int
}

func newResolver(v *view, ents []dateline.Entity) *resolver {
	r := &resolver{v: v, ents: ents}
	for e, ent := range ents {
		for _, m := range ent.Mentions {
			r.mentions = append(r.mentions, mention{m.Start, m.End, e})
		}
	}
	sort.Slice(r.mentions, func(i, j int) bool { return r.mentions[i].start < r.mentions[j].start })
	return r
}

// lookBack is how many sentences back a pronoun or role noun may find its
// antecedent.
const lookBack = 3

// resolve returns the entity ID of the source tokens src, or "". The
// relations found before it (and their resolved sources) serve pronouns:
// "he" is most often the last speaker named, so a pronoun takes the
// entity of the nearest earlier person source, then the nearest earlier
// person mention that opens its sentence (a subject), then the nearest
// person mention at all — a short cut for the salience ranking of
// Lappin and Leass (1994), "An algorithm for pronominal anaphora
// resolution".
func (r *resolver) resolve(src [2]int, prevEnt []string, prev []rel) string {
	a, b := r.v.toks[src[0]].Start, r.v.toks[src[1]-1].End
	if e := r.overlapping(a, b); e >= 0 {
		return r.ents[e].ID
	}
	words := r.v.lw[src[0]:src[1]]
	head := words[len(words)-1]
	minSent := r.v.sentOf[src[0]] - lookBack
	if len(words) == 1 && isPersonPronoun(head) {
		for k := len(prev) - 1; k >= 0; k-- {
			p := prev[k]
			if len(p.source) == 0 || prevEnt[k] == "" || r.v.sentOf[p.source[0][0]] < minSent || p.source[0][0] >= src[0] {
				continue
			}
			if r.isPerson(prevEnt[k]) {
				return prevEnt[k]
			}
		}
		best, fallback := -1, -1
		for _, m := range r.mentions {
			if m.start >= a {
				break
			}
			t := r.tokenAt(m.start)
			if r.ents[m.ent].Type != "PERSON" || t < 0 || r.v.sentOf[t] < minSent {
				continue
			}
			fallback = m.ent
			if r.opensSentence(t) {
				best = m.ent
			}
		}
		if best < 0 {
			best = fallback
		}
		if best >= 0 {
			return r.ents[best].ID
		}
		return ""
	}
	// A role noun: the spokesperson, the president, a White House aide.
	if rn := roleNoun(head); rn != "" && !isCapitalised(r.v.toks[src[1]-1].Text) || rn != "" && len(words) <= 3 {
		best := -1
		for _, m := range r.mentions {
			if m.start >= a {
				break
			}
			if strings.Contains(roleNoun(lastWord(r.ents[m.ent].Role)), rn) {
				best = m.ent
			}
		}
		if best >= 0 {
			return r.ents[best].ID
		}
	}
	return ""
}

// overlapping returns the entity whose mention overlaps [a, b) most,
// persons first (in "Kremlin spokesperson Dmitry Peskov" the source is
// Peskov, not the Kremlin), or -1.
func (r *resolver) overlapping(a, b int) int {
	best, bestScore := -1, 0
	i := sort.Search(len(r.mentions), func(i int) bool { return r.mentions[i].start >= a })
	for k := max(0, i-8); k < len(r.mentions) && r.mentions[k].start < b; k++ {
		m := r.mentions[k]
		o := min(b, m.end) - max(a, m.start)
		if o <= 0 {
			continue
		}
		score := o
		if r.ents[m.ent].Type == "PERSON" {
			score += 1000
		}
		if score > bestScore {
			best, bestScore = m.ent, score
		}
	}
	return best
}

func (r *resolver) isPerson(id string) bool {
	for _, e := range r.ents {
		if e.ID == id {
			return e.Type == "PERSON"
		}
	}
	return false
}

// tokenAt returns the token starting at code point p, or -1.
func (r *resolver) tokenAt(p int) int {
	t := sort.Search(len(r.v.toks), func(i int) bool { return r.v.toks[i].End > p })
	if t == len(r.v.toks) {
		return -1
	}
	return t
}

// opensSentence reports a mention that starts its sentence or follows
// only a title, a comma-less lead-in of capitalised words ("US President
// Donald Trump") or a leading adverbial ("Earlier, Trump ...").
func (r *resolver) opensSentence(t int) bool {
	s := r.v.sentOf[t]
	for k := t - 1; k >= 0 && r.v.sentOf[k] == s; k-- {
		w := r.v.toks[k].Text
		if w == "," || isCapitalised(w) {
			continue
		}
		return false
	}
	return true
}

func isPersonPronoun(w string) bool {
	switch w {
	case "he", "she", "him", "her":
		return true
	}
	return false
}

// roleNoun folds the nouns that name a speaker by office.
func roleNoun(w string) string {
	w = strings.ToLower(w)
	switch w {
	case "spokesperson", "spokesman", "spokeswoman":
		return "spokes"
	case "president", "minister", "secretary", "envoy", "aide", "official", "governor", "senator", "ambassador", "chancellor", "mayor", "chief", "director", "adviser", "advisor", "leader":
		return w
	}
	return ""
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func isCapitalised(w string) bool {
	r := []rune(w)
	return len(r) > 0 && unicode.IsUpper(r[0])
}
