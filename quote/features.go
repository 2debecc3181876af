package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline/internal/featkey"
)

// Feature templates; each feature is the hash of its template and values.
const (
	tBias = iota + 1
	tW
	tWp
	tWn
	tWpp
	tWnn
	tWpW
	tWWn
	tStem
	tSuf
	tShape
	tState
	tStateW
	tNbr
	tQrel
	tQrelW
	tShapePW
	tUnitPos
	tUnitPosW
	tClassPW
	tWClassN
	tStemState
	tW3
	tSufP
	tSufN
	tQuoteUnit
	tThatAhead
	tClass2
	tVerb1
	tVerbAny
	tNoun1
	tVerbSuf
	tVerbPrev
	tVerbNext

	rSide
	rDist
	rDistCue
	rW
	rWCue
	rWp
	rWn
	rShape
	rShape2
	rStateQ
	rSents
	rCommas
	rAfterCue
	rBeforeCue
	rLast
	rDistState
	rCueState
	rNearW
	rWState
	rCueFull
	rStem
	rQuoteAdj
	rOtherCue
	rPairW
	rNbrState
	rFirstAfter
	rCueClass
	rNextClause
	// A word's cluster prefixes (lexicon.go): of 4, 8 and 12 bits for the
	// cue labeller; of 8 and 12 bits, beside the token's state and its
	// distance to the cue, for the role labeller (there with three values,
	// so the hashes differ).
	tClu4
	tClu8
	tClu12
	// Parts of speech (package pos): the token's, beside its
	// neighbours' and its word, for the cue labeller; beside side and
	// distance, and the neighbours', for the role labeller.
	tPos
	tPosPrev
	tPosNext
	tPosW
	rPos
	rPos2
	rPosNext
)

// h, mix and f1–f3 are featkey's, by the short names the features use.
func h(s string) uint64               { return featkey.String(s) }
func mix(a, b uint64) uint64          { return featkey.Mix(a, b) }
func f1(t int, a uint64) uint64       { return featkey.Key1(t, a) }
func f2(t int, a, b uint64) uint64    { return featkey.Key2(t, a, b) }
func f3(t int, a, b, c uint64) uint64 { return featkey.Key3(t, a, b, c) }

// tokenInfo is what features read of a token, computed once per text.
type tokenInfo struct {
	w, stem, suf uint64
	shape        uint64
	class        uint64   // wordClass
	verb         [3]uint8 // WordNet verb classes, commonest sense first
	noun         uint8    // WordNet class of the commonest noun sense
	sentEnd      bool     // . ! ? ending a sentence
	comma        bool
	word         int32     // number of the token's lower-case word in the text, in order of first use
	clu          [3]uint64 // the word's cluster prefixes (lexicon.clusterKeys)
	lex          int32     // 1 + the word's number in lexicon.known; 0: not there
	pos          uint64    // 1 + the token's part of speech in its sentence; 0: no tagger
}

var boundary = h("<B>")

func (v *view) infos(lx *lexicon) []tokenInfo {
	out := make([]tokenInfo, len(v.toks))
	// What depends on the word alone is worked out once per distinct word:
	// an article repeats most of its words.
	seen := make(map[string]int32, len(v.toks)/3) // the first token of each word
	for i, lw := range v.lw {
		var t tokenInfo
		if first, ok := seen[lw]; ok {
			t = out[first]
		} else {
			t = lx.wordInfo(lw)
			t.word = int32(len(seen))
			seen[lw] = int32(i)
		}
		t.shape = shape(v.toks[i].Text)
		t.class = wordClass(lw, t.shape)
		out[i] = t
	}
	if lx.tags != nil {
		words := make([]string, len(v.toks))
		first := make([]bool, len(v.toks))
		for i, t := range v.toks {
			words[i], first[i] = t.Text, v.sentStart[i] == int32(i)
		}
		for i, tag := range lx.tags.Tag(words, first) {
			out[i].pos = uint64(tag) + 1
		}
	}
	return out
}

// posAt is the part of speech of token i, or 99 outside the unit.
func posAt(info []tokenInfo, c *unitContext, i int) uint64 {
	if i < c.u0 || i >= c.u1 {
		return 99
	}
	return info[i].pos
}

// wordClass groups the words that frame attributions: pronouns, "that",
// quotation marks, colons and commas, determiners, names, the rest.
// shape is the token's shape.
func wordClass(lw string, shape uint64) uint64 {
	switch lw {
	case "he", "she", "they", "i", "we", "it", "you":
		return 1
	case "that":
		return 2
	case `"`:
		return 3
	case ":":
		return 4
	case ",":
		return 5
	case "the", "a", "an", "his", "her", "their", "its":
		return 6
	case "to":
		return 7
	}
	if shape == 2 {
		return 8
	}
	return 9
}

// stem strips the commonest English inflections so that "says", "said"
// (kept: irregular), "saying" and "say" share weight where they can.
func stem(w string) string {
	for _, s := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

func suffix(w string, n int) string {
	r := []rune(w)
	if len(r) <= n {
		return w
	}
	return string(r[len(r)-n:])
}

// shape is a coarse class: capitalised, lower, upper, digit, punctuation,
// quotation mark.
func shape(s string) uint64 {
	if s == "" {
		return 0
	}
	r0, size := utf8.DecodeRuneInString(s)
	switch {
	case size == len(s) && isQuoteMark(r0) || s == "``" || s == "''":
		return 1
	case unicode.IsUpper(r0):
		for _, c := range s[size:] {
			if unicode.IsLower(c) {
				return 2
			}
		}
		return 3
	case unicode.IsLower(r0):
		return 4
	case unicode.IsDigit(r0):
		return 5
	}
	return 6
}

// unitContext holds per-unit prefix counts so that features about what
// lies between a token and a cue cost O(1).
type unitContext struct {
	u0, u1        int
	sents, commas []int32 // prefix counts over the unit, len u1-u0+1
	quotes        []int32
	cues          []int32 // tokens of other cues
	qrel          []uint8 // per token: 1 a quotation ends before it in the unit, 2 one starts after it
}

func (v *view) unitContext(info []tokenInfo, u [2]int) *unitContext {
	n := u[1] - u[0]
	c := &unitContext{u0: u[0], u1: u[1], sents: make([]int32, n+1), commas: make([]int32, n+1), quotes: make([]int32, n+1), cues: make([]int32, n+1), qrel: make([]uint8, n)}
	for k := 0; k < n; k++ {
		i := u[0] + k
		c.sents[k+1] = c.sents[k] + b2i(info[i].sentEnd && k+1 < n)
		c.commas[k+1] = c.commas[k] + b2i(info[i].comma)
		c.quotes[k+1] = c.quotes[k] + b2i(v.state[i] == openMark || v.state[i] == closeMark)
		c.cues[k+1] = c.cues[k] + b2i(v.cueAt != nil && v.cueAt[i])
	}
	seen := false
	for k := 0; k < n; k++ {
		if seen {
			c.qrel[k] |= 1
		}
		if v.state[u[0]+k] == closeMark {
			seen = true
		}
	}
	seen = false
	for k := n - 1; k >= 0; k-- {
		if seen {
			c.qrel[k] |= 2
		}
		if v.state[u[0]+k] == openMark {
			seen = true
		}
	}
	return c
}

func b2i(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

func (c *unitContext) between(pre []int32, a, b int) int {
	if a > b {
		a, b = b, a
	}
	return int(pre[b-c.u0] - pre[a-c.u0])
}

func wordAt(info []tokenInfo, c *unitContext, i int) uint64 {
	if i < c.u0 || i >= c.u1 {
		return boundary
	}
	return info[i].w
}

// cueFeatures appends the features of token i for the cue labeller.
func (v *view) cueFeatures(info []tokenInfo, c *unitContext, i int, buf []uint64) []uint64 {
	return cueWordFeatures(&info[i], v.cueContextFeatures(info, c, i, buf))
}

// cueWordFeatures are the cue features that depend on the token's
// lower-case word alone, the same for every token of one word number.
func cueWordFeatures(t *tokenInfo, buf []uint64) []uint64 {
	buf = append(buf,
		f1(tBias, 0),
		f1(tW, t.w),
		f1(tStem, t.stem),
		f1(tSuf, t.suf),
	)
	if t.clu[0] != 0 {
		buf = append(buf, f1(tClu4, t.clu[0]), f1(tClu8, t.clu[1]), f1(tClu12, t.clu[2]))
	}
	vc := uint64(t.verb[0])
	if vc != 0 || t.noun != 0 {
		buf = append(buf,
			f1(tVerb1, vc),
			f1(tNoun1, uint64(t.noun)),
			f2(tVerbSuf, vc, t.suf),
		)
		for _, x := range t.verb {
			if x != 0 {
				buf = append(buf, f1(tVerbAny, uint64(x)))
			}
		}
	}
	return buf
}

// cueContextFeatures are the other cue features of token i: its
// neighbours, its unit, its shape and its place among quotation marks.
func (v *view) cueContextFeatures(info []tokenInfo, c *unitContext, i int, buf []uint64) []uint64 {
	w := info[i].w
	wp, wn := wordAt(info, c, i-1), wordAt(info, c, i+1)
	st := uint64(v.state[i])
	qrel := uint64(c.qrel[i-c.u0])
	pos := uint64(0)
	if i == c.u0 {
		pos = 1
	} else if i == c.u1-1 {
		pos = 2
	}
	buf = append(buf,
		f1(tWp, wp),
		f1(tWn, wn),
		f1(tWpp, wordAt(info, c, i-2)),
		f1(tShape, info[i].shape),
		f1(tState, st),
		f2(tStateW, st, w),
		f1(tQrel, qrel),
		f2(tQrelW, qrel, info[i].stem),
		f1(tUnitPos, pos),
		f2(tUnitPosW, pos, w),
		f2(tClassPW, classAt(info, c, i-1), w),
		f2(tStemState, info[i].stem, st),
		f2(tSufP, sufAt(info, c, i-1), info[i].suf),
		f2(tQuoteUnit, b2u(c.quotes[c.u1-c.u0] > 0), info[i].stem),
		f2(tThatAhead, thatAhead(v, c, i), info[i].suf),
		f3(tClass2, classAt(info, c, i-2), classAt(info, c, i-1), info[i].suf),
	)
	if info[i].pos != 0 {
		p := info[i].pos
		buf = append(buf,
			f1(tPos, p),
			f2(tPosPrev, posAt(info, c, i-1), p),
			f2(tPosNext, p, posAt(info, c, i+1)),
			f2(tPosW, p, w),
		)
	}
	if vc := uint64(info[i].verb[0]); vc != 0 || info[i].noun != 0 {
		buf = append(buf,
			f2(tVerbPrev, vc, classAt(info, c, i-1)),
			f2(tVerbNext, vc, classAt(info, c, i+1)),
		)
	}
	return buf
}

func sufAt(info []tokenInfo, c *unitContext, i int) uint64 {
	if i < c.u0 || i >= c.u1 {
		return boundary
	}
	return info[i].suf
}

// thatAhead reports "that", a colon or a quotation mark within the next
// three tokens: what follows a verb of saying.
func thatAhead(v *view, c *unitContext, i int) uint64 {
	for k := i + 1; k < min(c.u1, i+4); k++ {
		switch v.lw[k] {
		case "that":
			return 1
		case ":":
			return 2
		case `"`:
			return 3
		}
	}
	return 0
}

func distBucket(d int) uint64 {
	switch {
	case d <= 3:
		return uint64(d)
	case d <= 5:
		return 4
	case d <= 8:
		return 5
	case d <= 15:
		return 6
	case d <= 30:
		return 7
	}
	return 8
}

func cap3(n int) uint64 { return uint64(min(n, 3)) }

// roleFeatures appends the features of token i for labelling the source
// and content of the cue [c0, c1). Cue tokens themselves are masked.
func (v *view) roleFeatures(info []tokenInfo, c *unitContext, c0, c1, i int, cue uint64, buf []uint64) []uint64 {
	side := uint64(0)
	d := c0 - i
	a, b := i+1, c0
	if i >= c1 {
		side, d, a, b = 1, i-c1+1, c1, i
	}
	db := distBucket(d)
	w := info[i].w
	st := uint64(v.state[i])
	cw := info[c0].stem
	qb := cap3(c.between(c.quotes, a, b))
	sb := cap3(c.between(c.sents, a, b))
	cb := cap3(c.between(c.commas, a, b))
	last := uint64(0)
	if i == c.u1-1 {
		last = 1
	} else if info[i+1].sentEnd && i+2 == c.u1 {
		last = 2
	}
	near := uint64(9)
	if d <= 2 {
		near = db
	}
	// adj: the token is in a quotation that ends just before the cue's
	// neighbourhood or starts just after it (at most 3 tokens away).
	adj := uint64(0)
	if v.qid[i] >= 0 {
		for k := max(c.u0, c0-4); k < c0; k++ {
			if v.qid[k] == v.qid[i] {
				adj = 1
			}
		}
		for k := c1; k < min(c.u1, c1+4); k++ {
			if v.qid[k] == v.qid[i] {
				adj |= 2
			}
		}
	}
	if info[i].pos != 0 {
		p := info[i].pos
		buf = append(buf,
			f3(rPos, side, p, db),
			f3(rPos2, side, posAt(info, c, i-1), p),
			f3(rPosNext, side, p, posAt(info, c, i+1)),
		)
	}
	return append(buf,
		f1(rSide, side),
		f2(rDist, side, db),
		f3(rDistCue, side, db, cw),
		f2(rW, side, w),
		f3(rWCue, side, w, cw),
		f2(rWp, side, wordAt(info, c, i-1)),
		f2(rWn, side, wordAt(info, c, i+1)),
		f2(rShape, side, info[i].shape),
		f3(rShape2, side, info[i].shape, shapeAt(info, c, i-1)),
		f3(rStateQ, side, st, qb),
		f2(rSents, side, sb),
		f3(rCommas, side, cb, sb),
		f3(rAfterCue, side, wordAt(info, c, c1), db),
		f3(rBeforeCue, side, wordAt(info, c, c0-1), db),
		f3(rLast, side, last, st),
		f3(rDistState, side, db, st),
		f3(rCueState, side, cw, st),
		f3(rNearW, side, near, w),
		f3(rWState, side, w, st),
		f2(rCueFull, side, cue),
		f3(rQuoteAdj, side, adj, st),
		f3(rOtherCue, side, cap3(c.between(c.cues, a, b)), sb),
		f3(rPairW, side, wordAt(info, c, i-1), w),
		f3(rNbrState, side, stateAt(v, c, i-1), stateAt(v, c, i+1)),
		f3(rFirstAfter, side, b2u(i == c1 || i == c0-1), w),
		f3(rCueClass, side, db, cueClass(info, c1)),
		f3(rNextClause, side, info[i].class, clauseAt(v, info, c, i+1)),
		f3(tClu8, side, info[i].clu[1], st),
		f3(tClu12, side, info[i].clu[2], db),
	)
}

// cueClass is the WordNet verb and noun class of a cue's last token
// (the cue ends before c1).
func cueClass(info []tokenInfo, c1 int) uint64 {
	return uint64(info[c1-1].verb[0])<<8 | uint64(info[c1-1].noun)
}

func shapeAt(info []tokenInfo, c *unitContext, i int) uint64 {
	if i < c.u0 || i >= c.u1 {
		return 7
	}
	return info[i].shape
}

func classAt(info []tokenInfo, c *unitContext, i int) uint64 {
	if i < c.u0 || i >= c.u1 {
		return 0
	}
	return info[i].class
}

func stateAt(v *view, c *unitContext, i int) uint64 {
	if i < c.u0 || i >= c.u1 {
		return 9
	}
	return uint64(v.state[i])
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// clauseAt says whether token i opens a new clause: a conjunction, a
// relative pronoun, a participle or a verb of saying.
func clauseAt(v *view, info []tokenInfo, c *unitContext, i int) uint64 {
	if i < c.u0 || i >= c.u1 {
		return 9
	}
	switch v.lw[i] {
	case "and", "but", "while", "although", "though", "because", "as", "when", "after", "before", "since":
		return 1
	case "which", "who", "whom", "whose", "where":
		return 2
	}
	if strings.HasSuffix(v.lw[i], "ing") && info[i].verb[0] != 0 {
		return 3
	}
	if v.cueAt != nil && v.cueAt[i] {
		return 4
	}
	return 0
}
