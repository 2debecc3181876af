package quote

import "unicode"

// labelVerbs name a thing with a quoted word: "described by the White
// House as “historic”", "Trump called it “a disaster”".
var labelVerbs = map[string]bool{
	"described": true, "describes": true, "describe": true, "called": true, "calls": true,
	"labelled": true, "labeled": true, "termed": true, "dubbed": true, "branded": true, "hailed": true,
}

// labelRelations attributes the short quotations nobody else claimed
// when a naming verb precedes them in their sentence: the source is the
// entity after "by" (passive) or the nearest mention before the verb.
func labelRelations(v *view, rels []rel, res *resolver) []rel {
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
		if claimed(rels, i, j+1) {
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

func claimed(rels []rel, a, b int) bool {
	for _, r := range rels {
		for _, c := range r.content {
			if c[0] < b && a < c[1] {
				return true
			}
		}
	}
	return false
}

// mentionTokens returns the tokens of the first entity mention starting
// in tokens [a, b), widened leftward over a determiner ("the White
// House"), or {-1, -1}.
func (r *resolver) mentionTokens(a, b int) [2]int {
	for _, m := range r.mentions {
		t := r.tokenAt(m.start)
		if t < a || t >= b {
			continue
		}
		e := r.tokenAt(m.end - 1)
		if t > a && r.v.lw[t-1] == "the" {
			t--
		}
		return [2]int{t, e + 1}
	}
	return [2]int{-1, -1}
}

// lastMentionTokens returns the last entity mention of sentence s that
// ends before token k, or {-1, -1}.
func (r *resolver) lastMentionTokens(s int32, k int) [2]int {
	best := [2]int{-1, -1}
	for _, m := range r.mentions {
		t := r.tokenAt(m.start)
		if t < 0 || t >= k {
			break
		}
		e := r.tokenAt(m.end - 1)
		if r.v.sentOf[t] == s && e < k && unicode.IsUpper([]rune(r.v.toks[t].Text)[0]) {
			best = [2]int{t, e + 1}
		}
	}
	return best
}
