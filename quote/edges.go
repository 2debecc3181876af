package quote

import "slices"

// The role labeller decides token by token where a content starts and
// ends, so it often stops at a word that only looks like an edge — a
// second verb of saying inside the content, a quotation inside it — or
// runs on past a clause the annotators leave out. Whether a span is the
// content is a question about the span: does it start after "that" or a
// quotation mark, end at the sentence's end, hold balanced quotation
// marks, cross another cue? So a content the labeller finds in one piece
// is redrawn by a ranker over the spans whose edges lie at natural
// boundaries near its own, and "no content"; the ranker learns by
// stacking (stack.go), around the labeller's own content, toward gold.

// Content span features.
const (
	eSide = iota + 300
	eGap
	eGapCue
	eFirst
	eBefore
	eFirstPair
	eFirstClass
	eLast
	eAfter
	eLastPair
	eLastClass
	eLen
	eSents
	eQuotes
	eMarks
	ePeriod
	eCues
	eMove
	eAdjacent
	eSentEnd
	eFirstCue
	eLastCue
	eCommas
	eToSentEnd
	eFromSentStart
	eNone
	eNoneCue
	eNoneLen
	eAfter2
	eAfterClause
	eAfterSuf
	eBefore2
	eTypeAfter
	eAfterCueClass
	ePosFirst // the parts of speech either side of the start
	ePosLast  // and of the end
	ePosAfter // the two after the end
)

// edgeReach is how far, in tokens, an edge may move.
const edgeReach = 12

// naturalStart reports a token a content may start at.
func (v *view) naturalStart(k, w0, c1 int) bool {
	if k == w0 || k == c1 || v.sentOf[k] != v.sentOf[k-1] || v.state[k] == openMark {
		return true
	}
	switch v.lw[k-1] {
	case ",", ":", ";", "that", `"`, "--", "—", "(":
		return true
	}
	return v.lw[k] == "that"
}

// naturalEnd reports a token a content may end before (k exclusive).
func (v *view) naturalEnd(k, w1, c0 int) bool {
	if k == w1 || k == c0 || v.sentOf[k] != v.sentOf[k-1] {
		return true
	}
	switch v.lw[k] {
	case ",", ".", ";", ":", `"`, "--", "—", "?", "!", ")":
		return true
	}
	switch v.lw[k-1] {
	case ".", `"`, "?", "!":
		return true
	}
	return false
}

// nearEdges lists the starts and ends within reach of span's own, inside
// the window, that isStart and isEnd accept (span's own always), at most
// 16 of each.
func nearEdges(win, span [2]int, reach int, isStart, isEnd func(int) bool, starts, ends []int) ([]int, []int) {
	starts, ends = starts[:0], ends[:0]
	for k := max(win[0], span[0]-reach); k <= min(span[1]-1, span[0]+reach) && len(starts) < 16; k++ {
		if k == span[0] || isStart(k) {
			starts = append(starts, k)
		}
	}
	for k := max(span[0]+1, span[1]-reach); k <= min(win[1], span[1]+reach) && len(ends) < 16; k++ {
		if k == span[1] || isEnd(k) {
			ends = append(ends, k)
		}
	}
	return starts, ends
}

// clearOf reports a candidate [x, y) that is a span and misses the cue.
func clearOf(cue [2]int, x, y int) bool { return x < y && (y <= cue[0] || x >= cue[1]) }

// contentStart appends the features of a content starting at x; x lies
// after the cue or the content lies before it.
func (v *view) contentStart(info []tokenInfo, c *unitContext, cue [2]int, x int, buf []uint64) []uint64 {
	side := b2u(x >= cue[1])
	cw := info[cue[0]].stem
	if info[x].pos != 0 {
		buf = append(buf, f3(ePosFirst, side, posAt(info, c, x-1), info[x].pos))
	}
	return append(buf,
		f2(eFirst, side, info[x].w),
		f2(eBefore, side, wordAt(info, c, x-1)),
		f3(eFirstPair, side, wordAt(info, c, x-1), info[x].w),
		f3(eFirstClass, side, classAt(info, c, x-1), classAt(info, c, x)),
		f3(eFirstCue, side, info[x].w, cw),
		f2(eFromSentStart, side, distBucket(x-v.sentenceStart(x, c.u0))),
		f3(eBefore2, side, wordAt(info, c, x-2), wordAt(info, c, x-1)),
	)
}

// contentEnd appends the features of a content ending before y.
func (v *view) contentEnd(info []tokenInfo, c *unitContext, cue [2]int, y int, buf []uint64) []uint64 {
	side := b2u(y > cue[0])
	cw := info[cue[0]].stem
	if info[y-1].pos != 0 {
		buf = append(buf, f3(ePosLast, side, info[y-1].pos, posAt(info, c, y)), f3(ePosAfter, side, posAt(info, c, y), posAt(info, c, y+1)))
	}
	return append(buf,
		f2(eLast, side, info[y-1].w),
		f2(eAfter, side, wordAt(info, c, y)),
		f3(eLastPair, side, info[y-1].w, wordAt(info, c, y)),
		f3(eLastClass, side, classAt(info, c, y-1), classAt(info, c, y)),
		f3(eLastCue, side, info[y-1].w, cw),
		f2(eToSentEnd, side, distBucket(v.sentenceEnd(y, c.u1)-y)),
		f3(eAfter2, side, wordAt(info, c, y), wordAt(info, c, y+1)),
		f3(eAfterClause, side, wordAt(info, c, y), clauseAt(v, info, c, y+1)),
		f3(eAfterSuf, side, wordAt(info, c, y), sufAt(info, c, y+1)),
		f3(eAfterCueClass, side, wordAt(info, c, y), cueClass(info, cue[1])),
	)
}

func (v *view) contentWhole(info []tokenInfo, c *unitContext, cue, span [2]int, x, y int, buf []uint64) []uint64 {
	side, gap := uint64(1), x-cue[1]
	if y <= cue[0] {
		side, gap = 0, cue[0]-y
	}
	cw := info[cue[0]].stem
	n := y - x
	lb := uint64(min(n, 6))
	if n > 6 {
		lb = 6 + distBucket(n/4)
	}
	marks := c.between(c.quotes, x, y)
	mk := b2u(v.state[x] == openMark)<<1 | b2u(v.state[y-1] == closeMark)
	period := b2u(info[y-1].sentEnd)<<1 | b2u(y < c.u1 && info[y].sentEnd)
	sentEnd := b2u(y == c.u1 || v.sentOf[y] != v.sentOf[y-1] || y+1 <= c.u1 && info[y].sentEnd && (y+1 == c.u1 || v.sentOf[y+1] != v.sentOf[y]))
	return append(buf,
		f1(eSide, side),
		f2(eGap, side, distBucket(gap)),
		f3(eGapCue, side, distBucket(gap), cw),
		f2(eLen, side, lb),
		f3(eSents, side, cap3(c.between(c.sents, x, y)), sentEnd),
		f3(eQuotes, side, uint64(marks%2), cap3(marks)),
		f3(eMarks, side, mk, uint64(marks%2)),
		f3(ePeriod, side, period, mk),
		f2(eCues, side, cap3(c.between(c.cues, x, y))),
		f3(eMove, side, moveBucket(x-span[0]), moveBucket(y-span[1])),
		f3(eAdjacent, side, b2u(gap == 0), cw),
		f3(eSentEnd, side, sentEnd, cw),
		f3(eCommas, side, cap3(c.between(c.commas, x, y)), lb),
		f3(eTypeAfter, side, classAt(info, c, x), wordAt(info, c, y)),
	)
}

// sentenceEnd returns the end of the sentence of token k-1 (exclusive),
// within limit; sentenceStart the start of the sentence of token k.
func (v *view) sentenceEnd(k, limit int) int { return min(limit, int(v.sentEnd[k-1])) }

func (v *view) sentenceStart(k, limit int) int { return max(limit, int(v.sentStart[k])) }

func moveBucket(d int) uint64 {
	switch {
	case d < -5:
		return 0
	case d < -1:
		return 1
	case d == -1:
		return 2
	case d == 0:
		return 3
	case d == 1:
		return 4
	case d <= 5:
		return 5
	}
	return 6
}

// spanKind says how the spans of one role are redrawn: where a span may
// start and end near the labeller's, and the features of its start, its
// end and of the span as a whole, which rankSpan sums per start and end
// once.
type spanKind interface {
	edges(v *view, win, cue, span [2]int, starts, ends []int) ([]int, []int)
	start(v *view, info []tokenInfo, c *unitContext, cue [2]int, x int, buf []uint64) []uint64
	end(v *view, info []tokenInfo, c *unitContext, cue [2]int, y int, buf []uint64) []uint64
	whole(v *view, info []tokenInfo, c *unitContext, cue, span [2]int, x, y int, buf []uint64) []uint64
	// none appends the features of "no span of this role", or returns
	// nil where that is not an option.
	none(v *view, info []tokenInfo, c *unitContext, cue [2]int, buf []uint64) []uint64
}

// dropMargin is how much better "no content" must score than the best
// content for the content to be left out (0: measured best on dev among
// 0, 2, 4).
const dropMargin = 0

type contentKind struct{}

func (contentKind) edges(v *view, win, cue, span [2]int, starts, ends []int) ([]int, []int) {
	return nearEdges(win, span, edgeReach,
		func(k int) bool { return v.naturalStart(k, win[0], cue[1]) },
		func(k int) bool { return v.naturalEnd(k, win[1], cue[0]) }, starts, ends)
}

func (contentKind) start(v *view, info []tokenInfo, c *unitContext, cue [2]int, x int, buf []uint64) []uint64 {
	return v.contentStart(info, c, cue, x, buf)
}

func (contentKind) end(v *view, info []tokenInfo, c *unitContext, cue [2]int, y int, buf []uint64) []uint64 {
	return v.contentEnd(info, c, cue, y, buf)
}

func (contentKind) whole(v *view, info []tokenInfo, c *unitContext, cue, span [2]int, x, y int, buf []uint64) []uint64 {
	return v.contentWhole(info, c, cue, span, x, y, buf)
}

// none: a cue with no content the annotators would mark; the ranker
// learns which cues these are from the labellers' false cues, found by
// stacking.
func (contentKind) none(v *view, info []tokenInfo, c *unitContext, cue [2]int, buf []uint64) []uint64 {
	return append(buf,
		f1(eNone, 0),
		f1(eNoneCue, info[cue[0]].stem),
		f2(eNoneLen, uint64(min(cue[1]-cue[0], 4)), cap3(c.between(c.quotes, c.u0, c.u1))),
	)
}

func spanFeats(k spanKind, v *view, info []tokenInfo, c *unitContext, cue, span [2]int, x, y int, buf []uint64) []uint64 {
	buf = k.start(v, info, c, cue, x, buf)
	buf = k.end(v, info, c, cue, y, buf)
	return k.whole(v, info, c, cue, span, x, y, buf)
}

// rankSpan returns the best span of kind k around span, which wins ties,
// or none when "no span" scores better by more than margin.
func rankSpan(k spanKind, m *linear, v *view, info []tokenInfo, c *unitContext, win, cue, span [2]int, margin float32, s *scratch) [2]int {
	s.flat = spanFeats(k, v, info, c, cue, span, span[0], span[1], s.flat[:0])
	best, bestScore := span, m.score(s.flat)
	var starts, ends [16]int
	xs, ys := k.edges(v, win, cue, span, starts[:0], ends[:0])
	var left, right [16]float32
	for i, x := range xs {
		s.flat = k.start(v, info, c, cue, x, s.flat[:0])
		left[i] = m.score(s.flat)
	}
	for j, y := range ys {
		s.flat = k.end(v, info, c, cue, y, s.flat[:0])
		right[j] = m.score(s.flat)
	}
	for i, x := range xs {
		for j, y := range ys {
			if !clearOf(cue, x, y) {
				continue
			}
			s.flat = k.whole(v, info, c, cue, span, x, y, s.flat[:0])
			if sc := left[i] + right[j] + m.score(s.flat); sc > bestScore {
				best, bestScore = [2]int{x, y}, sc
			}
		}
	}
	if s.flat = k.none(v, info, c, cue, s.flat[:0]); s.flat != nil && m.score(s.flat) > bestScore+margin {
		return none
	}
	return best
}

// learnSpan trains a ranker of kind k on one relation: the labeller
// found span, the annotators gold; a perceptron step when gold is among
// the candidates and loses.
func learnSpan(k spanKind, t *trainer, v *view, info []tokenInfo, c *unitContext, win, cue, span, gold [2]int, s *scratch) {
	xs, ys := k.edges(v, win, cue, span, nil, nil)
	if gold != none && gold != span && !(slices.Contains(xs, gold[0]) && slices.Contains(ys, gold[1]) && clearOf(cue, gold[0], gold[1])) {
		return
	}
	feats := func(x [2]int) []uint64 {
		if x == none {
			return k.none(v, info, c, cue, nil)
		}
		return spanFeats(k, v, info, c, cue, span, x[0], x[1], nil)
	}
	t.rankStep(gold, rankSpan(k, t.m, v, info, c, win, cue, span, 0, s), feats)
}
