package quote

// Sources are redrawn like contents (edges.go): the labeller often takes
// in or leaves out an apposition, a relative clause, a circumstance or a
// comma ("Scott Pruitt, the Republican attorney general of Oklahoma, one
// of the states suing the EPA,"), and whether the annotators would is a
// question about the whole phrase.

// Source span features.
const (
	oFirst = iota + 400
	oBefore
	oFirstPair
	oFirstClass
	oLast
	oAfter
	oLastPair
	oLastClass
	oLen
	oGap
	oCommas
	oRelative
	oMove
	oAdjacent
	oQuotes
	oShapes
)

// sourceReach is how far, in tokens, a source's edge may move.
const sourceReach = 8

type sourceKind struct{}

// edges lists the natural starts and ends near span: after punctuation
// or the cue, at a sentence start, a capital, an article or a pronoun;
// before punctuation, the cue, a relative pronoun or a bracket.
func (sourceKind) edges(v *view, win, cue, span [2]int, starts, ends []int) ([]int, []int) {
	return nearEdges(win, span, sourceReach,
		func(k int) bool { return v.sourceStart(k, win[0], cue[1]) },
		func(k int) bool { return v.sourceEnd(k, win[1], cue[0]) }, starts, ends)
}

func (v *view) sourceStart(k, w0, c1 int) bool {
	if k == w0 || k == c1 || v.sentOf[k] != v.sentOf[k-1] || nameWord(v.toks[k].Text) {
		return true
	}
	switch v.lw[k-1] {
	case ",", ":", ";", `"`, "--", "—", "(":
		return true
	}
	switch v.lw[k] {
	case "the", "a", "an", "who", "which":
		return true
	}
	return pronouns[v.lw[k]]
}

func (v *view) sourceEnd(k, w1, c0 int) bool {
	if k == w1 || k == c0 || v.sentOf[k] != v.sentOf[k-1] {
		return true
	}
	switch v.lw[k] {
	case ",", ".", ";", ":", `"`, "--", "—", "(", ")", "who", "which", "whose":
		return true
	}
	return v.lw[k-1] == "," || v.lw[k-1] == ")"
}

func (sourceKind) start(v *view, info []tokenInfo, c *unitContext, cue [2]int, x int, buf []uint64) []uint64 {
	side := b2u(x >= cue[1])
	return append(buf,
		f2(oFirst, side, info[x].w),
		f2(oBefore, side, wordAt(info, c, x-1)),
		f3(oFirstPair, side, wordAt(info, c, x-1), info[x].w),
		f3(oFirstClass, side, classAt(info, c, x-1), classAt(info, c, x)),
	)
}

func (sourceKind) end(v *view, info []tokenInfo, c *unitContext, cue [2]int, y int, buf []uint64) []uint64 {
	side := b2u(y > cue[0])
	return append(buf,
		f2(oLast, side, info[y-1].w),
		f2(oAfter, side, wordAt(info, c, y)),
		f3(oLastPair, side, info[y-1].w, wordAt(info, c, y)),
		f3(oLastClass, side, classAt(info, c, y-1), classAt(info, c, y)),
	)
}

func (sourceKind) whole(v *view, info []tokenInfo, c *unitContext, cue, span [2]int, x, y int, buf []uint64) []uint64 {
	side, gap := uint64(1), x-cue[1]
	if y <= cue[0] {
		side, gap = 0, cue[0]-y
	}
	relative := uint64(0)
	for k := x; k < y; k++ {
		switch v.lw[k] {
		case "who", "which", "whose", "that":
			relative = 1
		case "(":
			relative |= 2
		}
	}
	return append(buf,
		f2(oLen, side, uint64(min(y-x, 12))),
		f2(oGap, side, distBucket(gap)),
		f3(oCommas, side, cap3(c.between(c.commas, x, y)), b2u(v.lw[y-1] == ",")),
		f3(oRelative, side, relative, cap3(c.between(c.commas, x, y))),
		f3(oMove, side, moveBucket(x-span[0]), moveBucket(y-span[1])),
		f3(oAdjacent, side, b2u(gap == 0), info[cue[0]].stem),
		f2(oQuotes, side, cap3(c.between(c.quotes, x, y))),
		f3(oShapes, side, info[x].shape, info[y-1].shape),
	)
}
