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
	for src[1]-1 > src[0] && !isWordToken(r.v.toks[src[1]-1].Text) {
		src[1]--
	}
	a, b := r.v.toks[src[0]].Start, r.v.toks[src[1]-1].End
	words := r.v.lw[src[0]:src[1]]
	head := words[len(words)-1]
	minSent := r.v.sentOf[src[0]] - lookBack
	pronoun := len(words) == 1 && isPersonPronoun(head)
	if !pronoun {
		if e := r.overlapping(a, b); e >= 0 {
			return r.ents[e].ID
		}
	}
	if pronoun {
		// The speaker chain comes first, even before a pronoun mention
		// the entity stage resolved: a named source the entities lack
		// leaves the pronoun unresolved rather than given to another.
		for k := len(prev) - 1; k >= 0; k-- {
			p := prev[k]
			if r.v.sentOf[p.cue[0]] < minSent-1 {
				break // relations come in text order
			}
			if len(p.source) == 0 || r.v.sentOf[p.source[0][0]] < minSent || p.source[0][0] >= src[0] {
				continue
			}
			if prevEnt[k] != "" && r.isPerson(prevEnt[k]) {
				return prevEnt[k]
			}
			if r.named(p.source[0]) {
				return ""
			}
		}
		if e := r.overlapping(a, b); e >= 0 {
			return r.ents[e].ID
		}
		best, fallback := -1, -1
		for k := r.before(a) - 1; k >= 0; k-- {
			m := r.mentions[k]
			t := r.tokenAt(m.start)
			if t < 0 || r.v.sentOf[t] < minSent {
				break
			}
			if r.ents[m.ent].Type != "PERSON" {
				continue
			}
			if fallback < 0 {
				fallback = m.ent
			}
			if r.opensSentence(t) {
				best = m.ent
				break
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
		for k := r.before(a) - 1; k >= 0; k-- {
			m := r.mentions[k]
			if t := r.tokenAt(m.start); t < 0 || r.v.sentOf[t] < minSent-roleLookBack {
				break
			}
			if strings.Contains(roleNoun(lastWord(r.ents[m.ent].Role)), rn) {
				return r.ents[m.ent].ID
			}
		}
	}
	return ""
}

// roleLookBack is how many sentences further back than a pronoun's a
// role noun may look: "the spokesperson" may come paragraphs after the
// name.
const roleLookBack = 12

// before returns the number of mentions starting before code point a.
func (r *resolver) before(a int) int {
	return sort.Search(len(r.mentions), func(i int) bool { return r.mentions[i].start >= a })
}

// named reports a source span with a capitalised word other than a
// pronoun: someone named, known to the entities or not.
func (r *resolver) named(src [2]int) bool {
	for i := src[0]; i < src[1]; i++ {
		if isCapitalised(r.v.toks[i].Text) && !isPersonPronoun(r.v.lw[i]) && r.v.lw[i] != "i" && r.v.lw[i] != "the" {
			return true
		}
	}
	return false
}

func isWordToken(s string) bool {
	r := []rune(s)
	return len(r) > 0 && (unicode.IsLetter(r[0]) || unicode.IsDigit(r[0]))
}

// overlapping returns the entity whose mention overlaps [a, b) most,
// persons first (in "Kremlin spokesperson Dmitry Peskov" the source is
// Peskov, not the Kremlin), or -1. Other entities must hold the span's
// last word: in "Ukrainian President Volodymyr Zelenskyy" the demonym's
// Ukraine is no source.
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
		} else if m.end < b {
			continue
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
