package ner

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline/wordcluster"
)

// tmpl numbers a feature template. The numbers are part of the model
// file's meaning: append, never renumber.
type tmpl uint64

const (
	tBias tmpl = iota + 1
	tWord
	tLower
	tTrue
	tShape
	tShort
	tPrefix
	tSuffix
	tPrev1
	tNext1
	tPrev2
	tNext2
	tBigramPrev
	tBigramNext
	tShort3
	tShapePrev
	tShapeNext
	tCluster
	tCaseDom
	tCaseDoc
	tCapsSent
	tFirst
	tLast
	tGaz
	tGazPrev
	tGazNext
	tLength
	tHyphenPart
	tPass1
	tPass1Prev
	tPass1Next
	tPass1Pair
	tTokMajority
	tTokMajorityCount
	tEntMajority
	tWordCase
	tPrevShape
	tCapRun
	tGazWord
	tTokMajorityPass1
	tFirstMention
	tPass1Far
	tLongest
	tTitle
	tTitlePrev
)

// tokInfo is what features need of one token, computed once.
type tokInfo struct {
	w, lw, tw    uint64 // hashes of the word, its lower case, its truecased form
	shape, short uint64
	pre, suf     [4]uint64 // hashes of lower-case prefixes and suffixes of 1..4 runes
	nPre         int
	cl           wordcluster.Path
	hasCl        bool
	cs, dom      uint8 // own casing; dominant casing in unlabeled text (caseNone: unknown)
	docCase      uint8 // bit per casing class seen elsewhere in the document where casing is free
	capOK        bool  // may begin or end a gazetteer match
	length       uint8
	gaz          [nGaz][4]uint8
	gazWords     [nGaz]uint16
	hyphenParts  []uint64
	firstInSent  bool
	title        bool // a word that stands before names ("Mr.", "President")
	capsSentence bool
	headline     bool // in a sentence in capitals or title case
	lowerString  string
	word         int32 // number of the token's word and flags in its document (docInfo)
	known        int32 // 1 + the word's index in knownWords; 0: not known
}

// sentInfo is one sentence ready for feature extraction.
type sentInfo struct {
	toks []tokInfo
}

// docInfo prepares a document for feature extraction: the per-token
// facts and the document-level casing evidence. The tokens of all
// sentences share one array, and the scratch of the gazetteer matches is
// reused from sentence to sentence: an article has hundreds of sentences.
func (lx *lexicon) docInfo(doc [][]string, kw *knownWords) []sentInfo {
	out := make([]sentInfo, len(doc))
	n, longest := 0, 0
	for _, sent := range doc {
		n += len(sent)
		longest = max(longest, len(sent))
	}
	all := make([]tokInfo, n)
	lwh := make([]uint64, longest)
	capOK := make([]bool, longest)
	match := make([][4]uint8, longest)
	freeCase := map[string]uint8{} // casing classes of a word where casing is free
	// What tokenInfo works out depends on the word and three flags only,
	// and an article repeats most of its words.
	type wordKey struct {
		w                     string
		first, caps, headline bool
	}
	seen := map[wordKey]int32{}
	var words []*tokInfo // the first token of each word number
	for si, sent := range doc {
		toks := all[:len(sent):len(sent)]
		all = all[len(sent):]
		caps := capsSentence(sent)
		title := !caps && titleSentence(sent)
		headline := caps || title
		for i, w := range sent {
			t := &toks[i]
			k := wordKey{w, i == 0, caps, headline}
			if id, ok := seen[k]; ok {
				// The gazetteer fields copied are set below for this
				// token's own sentence.
				*t = *words[id]
			} else {
				if stored := kw.info(w, i, headline); stored != nil {
					*t = *stored
				} else {
					lx.tokenInfo(t, w, i, caps, headline)
				}
				t.word = int32(len(words))
				seen[k] = t.word
				words = append(words, t)
			}
			lwh[i], capOK[i] = t.lw, t.capOK
			if i > 0 && !caps && t.cs != caseNone {
				freeCase[t.lowerString] |= 1 << t.cs
			}
		}
		for g, gz := range lx.gaz {
			if gz == nil {
				continue
			}
			m := match[:len(sent)]
			clear(m)
			gz.match(lwh[:len(sent)], capOK[:len(sent)], m)
			for i := range toks {
				toks[i].gaz[g] = m[i]
				if capOK[i] {
					toks[i].gazWords[g] = gz.words[lwh[i]]
				}
			}
		}
		out[si].toks = toks
	}
	docCase := make([]uint8, len(words))
	for id, t := range words {
		docCase[id] = freeCase[t.lowerString]
	}
	for si := range out {
		for i := range out[si].toks {
			t := &out[si].toks[i]
			t.docCase = docCase[t.word]
		}
	}
	return out
}

// tokenInfo fills t for word w, the i-th of its sentence.
func (lx *lexicon) tokenInfo(t *tokInfo, w string, i int, caps, headline bool) {
	w = asciiPunct(w)
	lw := strings.ToLower(w)
	if headline {
		w = lx.truecase(w, lw, caps)
	}
	t.lowerString = lw
	t.title = lx.titles[hashString(lw)]
	t.w = hashString(w)
	t.lw = hashString(lw)
	t.cs = casing(w)
	t.capsSentence = caps
	t.headline = headline
	t.firstInSent = i == 0
	tw := w
	if f, ok := lx.forms[lw]; ok {
		t.dom = casing(f)
		if headline || i == 0 {
			tw = f
		}
	}
	t.tw = hashString(tw)
	t.cl, t.hasCl = lx.clusters[tw]
	if !t.hasCl && tw != w {
		t.cl, t.hasCl = lx.clusters[w]
	}
	var buf [2][64]byte
	long, short := shapes(w, buf[0][:0], buf[1][:0])
	t.shape = hashString(string(long))
	t.short = hashString(string(short))
	t.nPre = affixes(lw, &t.pre, &t.suf)
	t.length = uint8(min(utf8.RuneCountInString(w), 12))
	t.capOK = t.cs >= caseTitle || hasDigit(w)
	if strings.IndexByte(w, '-') > 0 && len(w) < 64 {
		for _, p := range strings.Split(lw, "-") {
			if p != "" {
				t.hyphenParts = append(t.hyphenParts, hashString(p))
			}
		}
	}
}

// asciiPunct writes typographic quotes and dashes as the ASCII ones of
// the training data ("Kyiv ’s" reads as "Kyiv 's").
func asciiPunct(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return quoteReplacer.Replace(w)
		}
	}
	return w
}

// capsSentence reports a headline-style sentence: at least two words in
// capitals and none in lower case.
func capsSentence(sent []string) bool {
	upper := 0
	for _, w := range sent {
		switch casing(w) {
		case caseUpper:
			upper++
		case caseLower, caseMixed:
			return false
		}
	}
	return upper >= 2
}

// truecase returns the usual spelling of a word of a headline: its most
// frequent form in unlabeled text or, for an unknown word in capitals, the
// word capitalised as a name.
func (lx *lexicon) truecase(w, lw string, caps bool) string {
	if f, ok := lx.forms[lw]; ok {
		return f
	}
	if caps {
		r, size := utf8.DecodeRuneInString(lw)
		return string(unicode.ToUpper(r)) + lw[size:]
	}
	return w
}

// titleSentence reports a headline in title case ("Trump, Putin Begin
// Historic Alaska Summit"), where capitals say little about names.
func titleSentence(sent []string) bool {
	capital, lower := 0, 0
	for _, w := range sent {
		switch casing(w) {
		case caseTitle, caseUpper, caseMixed:
			capital++
		case caseLower:
			// Title case leaves short function words ("with", "at") alone.
			if utf8.RuneCountInString(w) > 4 {
				return false
			}
			lower++
		case caseNone:
			if hasDigit(w) {
				return false // a table row, not a headline
			}
		}
	}
	return capital >= 4 && capital >= 2*lower
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// affixes hashes the prefixes and suffixes of 1 to 4 runes of s and
// returns how many there are (fewer for short words).
func affixes(s string, pre, suf *[4]uint64) int {
	h := uint64(fnvOffset)
	n, i := 0, 0
	for i < len(s) && n < 4 {
		_, size := utf8.DecodeRuneInString(s[i:])
		for _, b := range []byte(s[i : i+size]) {
			h = (h ^ uint64(b)) * fnvPrime
		}
		pre[n] = h
		n++
		i += size
	}
	h = fnvOffset
	m, j := 0, len(s)
	for j > 0 && m < 4 {
		_, size := utf8.DecodeLastRuneInString(s[:j])
		for k := j - 1; k >= j-size; k-- {
			h = (h ^ uint64(s[k])) * fnvPrime
		}
		suf[m] = h
		m++
		j -= size
	}
	return n
}

// Cluster path prefix lengths used as features, after Ratinov and Roth
// (2009) and Miller et al. (2004).
var clusterPrefixes = [...]int{4, 6, 10, 20}

// features appends the feature hashes of token i of sentence s to buf.
// p2 is nil in the first pass.
func features(si []sentInfo, s, i int, p2 *pass2, buf []uint64) []uint64 {
	buf = localFeatures(si[s].toks, i, buf)
	if p2 != nil {
		buf = p2.features(si[s].toks, s, i, buf)
	}
	return buf
}

// localFeatures are those of the token and its sentence.
func localFeatures(toks []tokInfo, i int, buf []uint64) []uint64 {
	return contextFeatures(toks, i, wordFeatures(&toks[i], buf))
}

// wordFeatures are the local features that depend on the token alone —
// its word, its place first in the sentence and its sentence's casing —
// not on its neighbours: the same for every token of one word number in
// a document.
func wordFeatures(t *tokInfo, buf []uint64) []uint64 {
	return append(spellingFeatures(t, buf), caseDocFeature(t))
}

// caseDocFeature is the one word feature that reads the rest of the
// document: how the word is cased elsewhere in it.
func caseDocFeature(t *tokInfo) uint64 {
	return key3(tCaseDoc, uint64(t.cs), uint64(t.docCase), boolBit(t.firstInSent || t.capsSentence))
}

// spellingFeatures are the word features but caseDocFeature: those that
// the word, its place and its sentence's casing decide alone, which is
// why a known word's may be summed once for all documents (knownWords).
func spellingFeatures(t *tokInfo, buf []uint64) []uint64 {
	caps := boolBit(t.capsSentence)
	buf = append(buf,
		key1(tBias, 0),
		key1(tWord, t.w),
		key1(tLower, t.lw),
		key1(tTrue, t.tw),
		key1(tShape, t.shape),
		key1(tShort, t.short),
		key2(tCaseDom, uint64(t.cs), uint64(t.dom)),
		key2(tCapsSent, caps, uint64(t.cs)),
		key3(tLength, uint64(t.length), uint64(t.cs), caps),
		key3(tWordCase, t.lw, uint64(t.cs), caps),
	)
	if t.firstInSent {
		buf = append(buf, key2(tFirst, uint64(t.cs), t.short))
	}
	for k := 0; k < t.nPre; k++ {
		buf = append(buf, key2(tPrefix, uint64(k), t.pre[k]), key2(tSuffix, uint64(k), t.suf[k]))
	}
	if t.hasCl {
		for _, k := range clusterPrefixes {
			b, m := t.cl.Prefix(k)
			buf = append(buf, key2(tCluster, uint64(m), b))
		}
	} else {
		buf = append(buf, key1(tCluster, 99))
	}
	if t.title {
		buf = append(buf, key1(tTitle, uint64(t.cs)))
	}
	for _, h := range t.hyphenParts {
		buf = append(buf, key1(tHyphenPart, h))
	}
	return buf
}

// contextFeatures are the local features that look at the token's
// neighbours or its place in the sentence.
func contextFeatures(toks []tokInfo, i int, buf []uint64) []uint64 {
	t := &toks[i]
	n := len(toks)
	at := func(k int) *tokInfo {
		if k < 0 || k >= n {
			return &boundary
		}
		return &toks[k]
	}
	p1, n1, p2, n2 := at(i-1), at(i+1), at(i-2), at(i+2)
	caps := boolBit(t.capsSentence)
	buf = append(buf,
		key1(tPrev1, p1.tw),
		key1(tNext1, n1.tw),
		key1(tPrev2, p2.lw),
		key1(tNext2, n2.lw),
		key2(tBigramPrev, p1.tw, t.tw),
		key2(tBigramNext, t.tw, n1.tw),
		key3(tShort3, p1.short, t.short, n1.short),
		key2(tShapePrev, p1.shape, t.shape),
		key2(tShapeNext, t.shape, n1.shape),
		key2(tPrevShape, p1.lw, t.short),
	)
	if i == n-1 {
		buf = append(buf, key1(tLast, t.short))
	}
	if p1.title {
		buf = append(buf, key1(tTitlePrev, uint64(t.cs)))
	}
	if t.cs >= caseTitle {
		// The run of capitalised words around the token: its length and
		// the token's place in it.
		a, b := i, i
		for a > 0 && toks[a-1].cs >= caseTitle && a > i-6 {
			a--
		}
		for b < n-1 && toks[b+1].cs >= caseTitle && b < i+6 {
			b++
		}
		buf = append(buf, key3(tCapRun, uint64(b-a+1), uint64(i-a), caps))
	}
	return gazFeatures(t, p1, n1, buf)
}

// gazFeatures are the gazetteer matches of a token and its neighbours.
func gazFeatures(t, prev, next *tokInfo, buf []uint64) []uint64 {
	for g := range nGaz {
		for ty := range nTypes {
			if pos := t.gaz[g][ty]; pos != 0 {
				buf = append(buf, key3(tGaz, uint64(g), uint64(ty), uint64(pos)))
			}
			if pos := prev.gaz[g][ty]; pos != 0 {
				buf = append(buf, key3(tGazPrev, uint64(g), uint64(ty), uint64(pos)))
			}
			if pos := next.gaz[g][ty]; pos != 0 {
				buf = append(buf, key3(tGazNext, uint64(g), uint64(ty), uint64(pos)))
			}
		}
		for m := t.gazWords[g]; m != 0; m &= m - 1 {
			buf = append(buf, key2(tGazWord, uint64(g), uint64(bits.TrailingZeros16(m))))
		}
	}
	return buf
}

// boundary stands for the tokens before and after a sentence.
var boundary = tokInfo{
	w: hashString("<s>"), lw: hashString("<s>"), tw: hashString("<s>"),
	shape: hashString("<s>"), short: hashString("<s>"),
}

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
