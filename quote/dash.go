package quote

import "unicode"

// dashRelations adds the attributions of the vox-pop layout, a quotation
// signed after a dash: "“Mostly he promotes ignorance.” ― Esther Tapia".
// The labeller, trained on running prose, misses it; the layout is
// unambiguous. A quotation some relation already covers is left alone.
func dashRelations(v *view, cov []int32) []rel {
	var out []rel
	for i := 0; i+2 < len(v.toks); i++ {
		if v.state[i] != closeMark || !isDash(v.toks[i+1].Text) || v.paraAt[i+1] {
			continue
		}
		j := i + 2
		for j < len(v.toks) && j-i-2 < 6 && !v.paraAt[j] && nameWord(v.toks[j].Text) && (j == i+2 || v.toks[j].Start-v.toks[j-1].End <= 1 && v.text[v.toks[j-1].End] != '\n') {
			j++
		}
		if j == i+2 {
			continue
		}
		if j < len(v.toks) && !v.paraAt[j] && v.toks[j].Text != "." && !lineBreakBefore(v, j) {
			continue
		}
		open, ok := v.quotationTo(i)
		if !ok || covered(cov, open, i+1) {
			continue
		}
		out = append(out, rel{cue: [2]int{i + 1, i + 2}, source: [][2]int{{i + 2, j}}, content: [][2]int{{open, i + 1}}})
		i = j - 1
	}
	return out
}

func isDash(s string) bool {
	switch s {
	case "―", "—", "–", "--":
		return true
	}
	return false
}

// nameWord is a capitalised word or an initial ("G.").
func nameWord(s string) bool {
	r := []rune(s)
	return len(r) > 0 && unicode.IsUpper(r[0])
}

func lineBreakBefore(v *view, j int) bool {
	for k := v.toks[j-1].End; k < v.toks[j].Start; k++ {
		if v.text[k] == '\n' {
			return true
		}
	}
	return false
}

// quotationTo returns the opening mark of the quotation whose closing
// mark is token i.
func (v *view) quotationTo(i int) (open int, ok bool) {
	open = i
	for open > 0 && v.state[open] != openMark && v.qid[open-1] == v.qid[i] {
		open--
	}
	return open, v.state[open] == openMark
}
