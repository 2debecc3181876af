package quote

// The cue labeller finds most cues but often draws the edges of a cue of
// several words differently from the annotators: "has been endorsed"
// for "has been endorsed by", "said" for "said in an interview". Its
// decisions are per token; whether a phrase is one cue depends on the
// phrase as a whole — its first and last words, its length, what follows
// it. So each cue it finds is redrawn by a ranker over the spans around
// it (edges moved by up to three tokens) and "no cue". The ranker learns
// beside the labeller: each cue the labeller finds while it learns is a
// lesson, toward the gold cue it overlaps or, if none does, toward "no
// cue".

// Span features.
const (
	sFirst = iota + 200
	sBefore
	sFirstPair
	sFirstClass
	sLast
	sAfter
	sLastPair
	sLastClass
	sLen
	sLenHead
	sEnds
	sInner
	sPunct
	sAfterHead
	sHeadPos
	sMove
	sMoveLast
	sNone
)

// reach is how far an edge may move.
const reach = 3

// maxCue bounds the length of a cue candidate, in tokens.
const maxCue = 10

// spanFeatures appends the features of the cue candidate [a, b): those
// of its left edge, its right edge, each word inside and the span as a
// whole. rank sums the first three kinds per edge and word, once for all
// candidates.
func (v *view) spanFeatures(info []tokenInfo, c *unitContext, a, b int, centre [2]int, buf []uint64) []uint64 {
	buf = leftEdge(info, c, a, buf)
	buf = rightEdge(info, c, b, buf)
	for k := a; k < b; k++ {
		buf = append(buf, f1(sInner, info[k].w))
	}
	return v.wholeSpan(info, c, a, b, centre, buf)
}

func leftEdge(info []tokenInfo, c *unitContext, a int, buf []uint64) []uint64 {
	return append(buf,
		f1(sFirst, info[a].w),
		f1(sBefore, wordAt(info, c, a-1)),
		f2(sFirstPair, wordAt(info, c, a-1), info[a].w),
		f2(sFirstClass, classAt(info, c, a-1), classAt(info, c, a)),
	)
}

func rightEdge(info []tokenInfo, c *unitContext, b int, buf []uint64) []uint64 {
	return append(buf,
		f1(sLast, info[b-1].w),
		f1(sAfter, wordAt(info, c, b)),
		f2(sLastPair, info[b-1].w, wordAt(info, c, b)),
		f2(sLastClass, classAt(info, c, b-1), classAt(info, c, b)),
	)
}

func (v *view) wholeSpan(info []tokenInfo, c *unitContext, a, b int, centre [2]int, buf []uint64) []uint64 {
	n := b - a
	head := a
	for k := a; k < b; k++ {
		if info[k].verb[0] != 0 && !auxiliary[v.lw[k]] {
			head = k
			break
		}
	}
	punct := uint64(0)
	for k := a; k < b; k++ {
		if info[k].comma || info[k].sentEnd || v.lw[k] == `"` {
			punct++
		}
	}
	return append(buf,
		f1(sLen, uint64(min(n, 7))),
		f2(sLenHead, uint64(min(n, 7)), info[head].stem),
		f2(sEnds, info[a].w, info[b-1].w),
		f1(sPunct, min(punct, 3)),
		f2(sAfterHead, info[head].stem, wordAt(info, c, b)),
		f2(sHeadPos, uint64(min(head-a, 3)), uint64(min(b-1-head, 3))),
		f2(sMove, uint64(a-centre[0]+reach), uint64(b-centre[1]+reach)),
		f3(sMoveLast, uint64(a-centre[0]+reach), uint64(b-centre[1]+reach), info[b-1].w),
	)
}

var auxiliary = map[string]bool{"is": true, "was": true, "are": true, "were": true, "be": true, "been": true,
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true, "can": true,
	"did": true, "does": true, "do": true, "may": true, "might": true, "should": true, "must": true}

// candidates lists the spans around [a, b) within the unit: each edge
// moved by at most reach tokens, overlapping [a, b), at most maxCue long.
func candidates(v *view, c *unitContext, a, b int, out [][2]int) [][2]int {
	out = out[:0]
	for x := max(c.u0, a-reach); x <= min(b-1, a+reach); x++ {
		for y := max(x+1, b-reach); y <= min(c.u1, b+reach); y++ {
			if y-x <= maxCue && x < b && y > a && !edgePunct(v, x, y, a, b) {
				out = append(out, [2]int{x, y})
			}
		}
	}
	return out
}

// none stands for "no cue here" among the candidates.
var none = [2]int{-1, -1}

// noneFeatures are those of dropping the cue: a bias alone, so that a
// span must carry the evidence for being a cue.
var noneFeatures = []uint64{f1(sNone, 0)}

// noneMargin is how much better dropping a cue must score than keeping
// it: F1 rewards recall here, where precision is the higher of the two.
const noneMargin = 5

// redraw returns the best-scoring span around the cue [a, b), or false
// when dropping it scores better.
func (m *Model) redraw(v *view, info []tokenInfo, c *unitContext, a, b int, s *scratch) ([2]int, bool) {
	if m.bounds == nil {
		return [2]int{a, b}, true
	}
	best := rank(m.bounds, v, info, c, [2]int{a, b}, noneMargin, s)
	return best, best != none
}

// rank returns the best candidate around centre, which wins ties, or
// none when that scores better by more than margin. Edge and word scores
// are summed once and shared by the candidates that have them.
func rank(m *linear, v *view, info []tokenInfo, c *unitContext, centre [2]int, margin float32, s *scratch) [2]int {
	a, b := centre[0], centre[1]
	lo, hi := max(c.u0, a-reach), min(c.u1, b+reach)
	var left, right [2*reach + 1]float32 // by x-(a-reach), y-(b-reach)
	for x := lo; x <= min(b-1, a+reach); x++ {
		s.flat = leftEdge(info, c, x, s.flat[:0])
		left[x-a+reach] = m.score(s.flat)
	}
	for y := max(lo+1, b-reach); y <= hi; y++ {
		s.flat = rightEdge(info, c, y, s.flat[:0])
		right[y-b+reach] = m.score(s.flat)
	}
	inner := s.sums[:0] // inner[k-lo]: the words' scores before k
	inner = append(inner, 0)
	for k := lo; k < hi; k++ {
		s.flat = append(s.flat[:0], f1(sInner, info[k].w))
		inner = append(inner, inner[k-lo]+m.score(s.flat))
	}
	s.sums = inner
	score := func(x, y int) float32 {
		s.flat = v.wholeSpan(info, c, x, y, centre, s.flat[:0])
		return left[x-a+reach] + right[y-b+reach] + inner[y-lo] - inner[x-lo] + m.score(s.flat)
	}
	best, bestScore := centre, score(a, b)
	s.cands = candidates(v, c, a, b, s.cands[:0])
	for _, cand := range s.cands {
		if sc := score(cand[0], cand[1]); sc > bestScore {
			best, bestScore = cand, sc
		}
	}
	if m.score(noneFeatures) > bestScore+margin {
		return none
	}
	return best
}

// learnBounds trains the ranker on a cue the labeller found, centre: a
// perceptron step when another candidate beats gold, which is the gold
// cue it overlaps or none.
func learnBounds(t *trainer, v *view, info []tokenInfo, c *unitContext, centre, gold [2]int, s *scratch) {
	if gold != none && (gold[1]-gold[0] > maxCue || gold[0] < centre[0]-reach || gold[0] > centre[0]+reach || gold[1] < centre[1]-reach || gold[1] > centre[1]+reach) {
		return
	}
	feats := func(x [2]int) []uint64 {
		if x == none {
			return noneFeatures
		}
		return v.spanFeatures(info, c, x[0], x[1], centre, nil)
	}
	t.rankStep(gold, rank(t.m, v, info, c, centre, 0, s), feats)
}

// edgePunct reports a candidate that starts or ends with punctuation the
// labeller's own span did not: annotators almost never draw a cue so
// (15 of 19,835 in train end with a full stop or comma).
func edgePunct(v *view, x, y, a, b int) bool {
	return x != a && stray(v.lw[x]) || y != b && stray(v.lw[y-1])
}

func stray(lw string) bool {
	switch lw {
	case ".", ",", ";", `"`, "!", "?", "'":
		return true
	}
	return false
}
