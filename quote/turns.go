package quote

import (
	"sort"
	"unicode"
)

// interviewTurns reads a transcript laid out as turns, "WALLACE: Let’s
// start with …" and "PENCE: Well, look, …", one paragraph each: the
// speaker's label is the source, the colon the cue, the rest of the
// paragraph the content. The labellers, trained on running prose, miss
// the layout; it is unambiguous once two speakers take turns, which sets
// it apart from a lone "UPDATE:" or "CORRECTION:". Paragraphs without a
// label between two turns, opening with a quotation mark as quoted
// transcripts do, go on the turn before them; the last turn takes none,
// as what follows a transcript is seldom part of it. Labels are in
// capitals ("JAKE TAPPER"), so "Q:" and "A:" and headings in title case
// are left to the labellers. In PolNeAR train the turns of three of the
// four interviews laid out this way are annotated so.
func interviewTurns(v *view, rels []rel) []rel {
	type turn struct{ para, label, colon int }
	var turns []turn
	names := map[string]bool{}
	for p := range v.toks {
		if p > 0 && !v.paraAt[p] {
			continue
		}
		a := p
		if v.lw[a] == `"` {
			a++
		}
		k := a
		for k < len(v.toks) && k-a < 3 && (k == a || !v.paraAt[k]) && capitalsWord(v.toks[k].Text) {
			k++
		}
		if k == a || k >= len(v.toks) || v.lw[k] != ":" || v.paraAt[k] || turnHeadings[v.lw[a]] {
			continue
		}
		turns = append(turns, turn{p, a, k})
		names[string(v.text[v.toks[a].Start:v.toks[k-1].End])] = true
	}
	if len(names) < 2 {
		return rels
	}
	var out []rel
	for t, tn := range turns {
		end := paraEnd(v, tn.colon)
		if end-tn.colon < 2 {
			continue
		}
		content := [][2]int{{tn.colon + 1, end}}
		if t+1 < len(turns) {
			next := turns[t+1].para
			for p := end; p < next; p = end {
				end = paraEnd(v, p)
				if v.lw[p] != `"` || p+1 >= end || v.lw[p+1] == "(" {
					break
				}
				content = append(content, [2]int{p + 1, end})
			}
		}
		out = append(out, rel{source: [][2]int{{tn.label, tn.colon}}, cue: [2]int{tn.colon, tn.colon + 1}, content: content})
		v.cueAt[tn.colon] = true
	}
	// A relation the labellers found inside a turn would nest in it; one
	// whose content runs over a turn's label mistakes whose words they are.
	// Both are read off marks on the tokens, so that many turns and many
	// relations still take linear time.
	inTurn := make([]bool, len(v.toks))
	labels := make([]int32, len(v.toks)+1) // labels[i]: label tokens before i
	for _, r := range out {
		for _, c := range r.content {
			for i := c[0]; i < c[1]; i++ {
				inTurn[i] = true
			}
		}
		for i := r.source[0][0]; i < r.cue[1]; i++ {
			labels[i+1] = 1
		}
	}
	for i := range v.toks {
		labels[i+1] += labels[i]
	}
	for _, r := range rels {
		if !inTurn[r.cue[0]] && !overLabel(r.content, labels) {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].cue[0] < out[j].cue[0] })
	return out
}

// turnHeadings open paragraphs in capitals without naming a speaker.
var turnHeadings = wordSet(`update updated correction clarification editor editor’s editor's note video watch read related breaking exclusive previously photos photo source sources email`)

// capitalsWord is a word of two letters or more, all capitals ("TAPPER",
// "O'ROURKE"), or an initial ("J.").
func capitalsWord(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '\'' || r == '’' || r == '-':
		default:
			return false
		}
	}
	return letters >= 2 || letters == 1 && len(s) == 2 && s[1] == '.'
}

// overLabel reports whether a content covers a token of a turn's label,
// given the running count of label tokens.
func overLabel(content [][2]int, labels []int32) bool {
	for _, c := range content {
		if labels[c[1]] > labels[c[0]] {
			return true
		}
	}
	return false
}

// paraEnd is the first token after i that opens a paragraph, or the end.
func paraEnd(v *view, i int) int {
	i++
	for i < len(v.toks) && !v.paraAt[i] {
		i++
	}
	return i
}
