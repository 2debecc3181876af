package quote

import "slices"

// univocal keeps each token in one relation. PolNeAR's annotation is
// univocal: no gold cue of train or dev lies inside another relation's
// content, so a relation the labeller nests in another's content is a
// false positive whenever the outer one is right. Such a relation is
// dropped; but where a coordinator, a dash or a new sentence opens it
// ("…, though she acknowledged", "and warned"), or it is an "according
// to", after words of the outer content, it is the outer content that
// ran too far, and that is cut before it. Cross-validated on train
// (eval quotes --folds 2): cue 65.4 → 65.7, content 51.4 → 51.7, source
// 66.4 → 66.8. An outer content that is one whole quotation is never
// cut: a speaker's quotation that reports someone ("…, the FBI concluded
// that there was no basis,” said Cummings") is said whole (two-fold
// models: 1 right content more, 2 wrong ones fewer; on dev the same).
// Given cues (given) are never dropped.
func univocal(v *view, rels []rel, given bool) []rel {
	owner := make([]int32, len(v.toks))
	for i := range owner {
		owner[i] = -1
	}
	for k, r := range rels {
		for _, c := range r.content {
			for i := c[0]; i < c[1]; i++ {
				owner[i] = int32(k)
			}
		}
	}
	drop := make([]bool, len(rels))
	for k, r := range rels {
		o := -1
		for i := r.cue[0]; i < r.cue[1]; i++ {
			if owner[i] >= 0 && int(owner[i]) != k {
				o = int(owner[i])
			}
		}
		if o < 0 {
			continue
		}
		j := r.cue[0]
		if len(r.source) > 0 && r.source[0][0] < j && owner[r.source[0][0]] == int32(o) {
			j = r.source[0][0]
		}
		cut := j
		if cut > 0 && (opensClause(v.lw[cut-1]) || isDash(v.lw[cut-1])) {
			cut--
		}
		if cut > 0 && v.lw[cut-1] == "," {
			cut--
		}
		outer := &rels[o]
		// The piece of the outer content with words before the inner
		// relation, or -1.
		p := slices.IndexFunc(outer.content, func(c [2]int) bool { return c[0] < cut && cut < c[1] })
		if p < 0 || cut == j && v.lw[r.cue[0]] != "according" && int(v.sentStart[j]) != j || v.wholeQuotation(outer.content[p]) {
			// An outer content that takes in its own source is no
			// content at all ("is being described | by the White House
			// as …"): the inner relation is the likelier one.
			if !given && overlap(outer.source, outer.content) == 0 {
				drop[k] = true
			}
			continue
		}
		outer.content[p][1] = cut
		outer.content = outer.content[:p+1]
	}
	out := rels[:0]
	for k, r := range rels {
		if !drop[k] {
			out = append(out, r)
		}
	}
	return out
}

// opensClause lists the words that open a clause of the writer's after a
// content: "…, though she acknowledged", "and warned".
func opensClause(w string) bool {
	switch w {
	case "and", "but", "though", "although", "while", "whereas", "yet":
		return true
	}
	return false
}

// wholeQuotation reports a piece that is one quotation from its opening
// mark to its closing one.
func (v *view) wholeQuotation(p [2]int) bool {
	return v.state[p[0]] == openMark && v.state[p[1]-1] == closeMark && v.qid[p[0]] == v.qid[p[1]-1]
}
