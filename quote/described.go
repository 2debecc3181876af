package quote

import (
	"sort"
	"unicode"
)

// labelVerbs name a thing with a quoted word: "described by the White
// House as “historic”", "Trump called it “a disaster”".
var labelVerbs = map[string]bool{
	"described": true, "describes": true, "describe": true, "called": true, "calls": true,
	"labelled": true, "labeled": true, "termed": true, "dubbed": true, "branded": true, "hailed": true,
}

// labelRelations attributes the short quotations nobody else claimed
// when a naming verb precedes them in their sentence: the source is the
// entity after "by" (passive) or the nearest mention before the verb.
func labelRelations(v *view, cov []int32, res *resolver) []rel {
	var out []rel
	for i := 0; i < len(v.toks); i++ {
		if v.state[i] != openMark {
			continue
		}
		j := i + 1
		for j < len(v.toks) && v.state[j] == inside {
			j++
		}
		if j == len(v.toks) || v.state[j] != closeMark {
			continue
		}
		if covered(cov, i, j+1) {
			i = j
			continue
		}
		for k := i - 1; k >= 0 && k >= i-14 && v.sentOf[k] == v.sentOf[i]; k-- {
			if !labelVerbs[v.lw[k]] {
				continue
			}
			src := [2]int{-1, -1}
			if k+1 < i && v.lw[k+1] == "by" {
				src = res.mentionTokens(k+2, i)
			} else {
				src = res.lastMentionTokens(v.sentOf[k], k)
			}
			if src[0] >= 0 {
				out = append(out, rel{cue: [2]int{k, k + 1}, source: [][2]int{src}, content: [][2]int{{i, j + 1}}})
			}
			break
		}
		i = j
	}
	return out
}

// covered reports whether some relation's content covers a token of
// [a, b).
func covered(cov []int32, a, b int) bool {
	for i := a; i < b; i++ {
		if cov[i] >= 0 {
			return true
		}
	}
	return false
}

// coverage maps each token to the relation whose content covers it, the
// innermost where contents nest, or -1. Its cost is the total length of
// the contents, which the labelling windows bound.
func coverage(n int, rels []rel) []int32 {
	type piece struct {
		r    int32
		a, b int
	}
	var ps []piece
	for k, r := range rels {
		for _, c := range r.content {
			ps = append(ps, piece{int32(k), c[0], c[1]})
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].b-ps[i].a > ps[j].b-ps[j].a })
	cov := make([]int32, n)
	for i := range cov {
		cov[i] = -1
	}
	for _, p := range ps {
		for i := p.a; i < p.b && i < n; i++ {
			cov[i] = p.r
		}
	}
	return cov
}

// mentionTokens returns the tokens of the first entity mention starting
// in tokens [a, b), widened leftward over a determiner ("the White
// House"), or {-1, -1}.
func (r *resolver) mentionTokens(a, b int) [2]int {
	if a >= b {
		return [2]int{-1, -1}
	}
	k := r.before(r.v.toks[a].Start)
	if k == len(r.mentions) {
		return [2]int{-1, -1}
	}
	m := r.mentions[k]
	t := r.tokenAt(m.start)
	if t < a || t >= b {
		return [2]int{-1, -1}
	}
	e := r.tokenAt(m.end - 1)
	if t > a && r.v.lw[t-1] == "the" {
		t--
	}
	return [2]int{t, e + 1}
}

// lastMentionTokens returns the last capitalised entity mention of
// sentence s that ends before token k, or {-1, -1}.
func (r *resolver) lastMentionTokens(s int32, k int) [2]int {
	for j := r.before(r.v.toks[k].Start) - 1; j >= 0; j-- {
		m := r.mentions[j]
		t := r.tokenAt(m.start)
		if t < 0 || r.v.sentOf[t] != s {
			break
		}
		e := r.tokenAt(m.end - 1)
		if e < k && unicode.IsUpper([]rune(r.v.toks[t].Text)[0]) {
			return [2]int{t, e + 1}
		}
	}
	return [2]int{-1, -1}
}
