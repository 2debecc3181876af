package quote

// The role labeller decides token by token where a content starts and
// ends, so it often stops at a word that only looks like an edge — a
// second verb of saying inside the content, a quotation inside it — or
// runs on past a clause the annotators leave out. Whether a span is the
// content is a question about the span: does it start after "that" or a
// quotation mark, end at the sentence's end, hold balanced quotation
// marks, cross another cue? So a content the labeller finds in one piece
// is redrawn by a ranker over the spans whose edges lie at natural
// boundaries near its own, trained on the training split like the cue
// ranker (bounds.go): around the labeller's own content, toward gold.

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

// contentCandidates lists the spans with natural edges near [a, b),
// inside the window and clear of the cue.
func (v *view) contentCandidates(win, cue, span [2]int, out [][2]int) [][2]int {
	var starts, ends [16]int
	ns, ne := 0, 0
	for k := max(win[0], span[0]-edgeReach); k <= min(span[1]-1, span[0]+edgeReach) && ns < len(starts); k++ {
		if k == span[0] || v.naturalStart(k, win[0], cue[1]) {
			starts[ns] = k
			ns++
		}
	}
	for k := max(span[0]+1, span[1]-edgeReach); k <= min(win[1], span[1]+edgeReach) && ne < len(ends); k++ {
		if k == span[1] || v.naturalEnd(k, win[1], cue[0]) {
			ends[ne] = k
			ne++
		}
	}
	out = out[:0]
	for _, x := range starts[:ns] {
		for _, y := range ends[:ne] {
			if x < y && (y <= cue[0] || x >= cue[1]) {
				out = append(out, [2]int{x, y})
			}
		}
	}
	return out
}

// contentFeatures appends the features of the content candidate [x, y)
// of the cue [c0, c1), found by the labeller at span.
func (v *view) contentFeatures(info []tokenInfo, c *unitContext, cue, span [2]int, x, y int, buf []uint64) []uint64 {
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
		f2(eFirst, side, info[x].w),
		f2(eBefore, side, wordAt(info, c, x-1)),
		f3(eFirstPair, side, wordAt(info, c, x-1), info[x].w),
		f3(eFirstClass, side, classAt(info, c, x-1), classAt(info, c, x)),
		f2(eLast, side, info[y-1].w),
		f2(eAfter, side, wordAt(info, c, y)),
		f3(eLastPair, side, info[y-1].w, wordAt(info, c, y)),
		f3(eLastClass, side, classAt(info, c, y-1), classAt(info, c, y)),
		f2(eLen, side, lb),
		f3(eSents, side, cap3(c.between(c.sents, x, y)), sentEnd),
		f3(eQuotes, side, uint64(marks%2), cap3(marks)),
		f3(eMarks, side, mk, uint64(marks%2)),
		f3(ePeriod, side, period, mk),
		f2(eCues, side, cap3(c.between(c.cues, x, y))),
		f3(eMove, side, moveBucket(x-span[0]), moveBucket(y-span[1])),
		f3(eAdjacent, side, b2u(gap == 0), cw),
		f3(eSentEnd, side, sentEnd, cw),
		f3(eFirstCue, side, info[x].w, cw),
		f3(eLastCue, side, info[y-1].w, cw),
		f3(eCommas, side, cap3(c.between(c.commas, x, y)), lb),
		f2(eToSentEnd, side, distBucket(v.sentenceEnd(y, c.u1)-y)),
		f2(eFromSentStart, side, distBucket(x-v.sentenceStart(x, c.u0))),
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

// rankContent returns the best content span around span, which wins ties.
func rankContent(m *linear, v *view, info []tokenInfo, c *unitContext, win, cue, span [2]int, s *scratch) [2]int {
	var score [1]float32
	s.flat = v.contentFeatures(info, c, cue, span, span[0], span[1], s.flat[:0])
	m.emit([][]uint64{s.flat}, score[:])
	best, bestScore := span, score[0]
	for _, cand := range v.contentCandidates(win, cue, span, nil) {
		s.flat = v.contentFeatures(info, c, cue, span, cand[0], cand[1], s.flat[:0])
		m.emit([][]uint64{s.flat}, score[:])
		if score[0] > bestScore {
			best, bestScore = cand, score[0]
		}
	}
	return best
}

// learnEdges trains the content ranker on one relation: the labeller
// found span, the annotators gold; a perceptron step when gold is among
// the candidates and loses.
func learnEdges(t *trainer, v *view, info []tokenInfo, c *unitContext, win, cue, span, gold [2]int, s *scratch) {
	found := gold == span
	for _, cand := range v.contentCandidates(win, cue, span, nil) {
		found = found || cand == gold
	}
	if !found {
		return
	}
	best := rankContent(t.m, v, info, c, win, cue, span, s)
	if best != gold {
		for _, f := range v.contentFeatures(info, c, cue, span, gold[0], gold[1], nil) {
			t.add(f, 0, 1)
		}
		for _, f := range v.contentFeatures(info, c, cue, span, best[0], best[1], nil) {
			t.add(f, 0, -1)
		}
		t.updates++
	}
	t.c++
}
