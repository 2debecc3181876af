package pos

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline/internal/featkey"
)

// Feature templates. A feature is the hash of its template and values.
const (
	fBias = iota + 1
	fWord
	fSuf3
	fSuf2
	fPre1
	fShape
	fPrevWord
	fNextWord
	fPrevSuf
	fNextSuf
	fPrevTag
	fPrevTags
	fPrevTagWord // retired (the previous tag beside the word); kept so that the templates after it keep their numbers
	fFirstShape
)

func hash(s string) uint64           { return featkey.String(s) }
func key(t int, a uint64) uint64     { return featkey.Key1(t, a) }
func key2(t int, a, b uint64) uint64 { return featkey.Key2(t, a, b) }

// word is what the features read of one token, worked out once.
type word struct {
	w, suf3, suf2, pre1 uint64
	shape               uint64
}

var edgeWord = word{w: hash("<S>"), suf3: hash("<S>"), suf2: hash("<S>"), shape: 9}

func newWord(text string) word {
	lw := strings.ToLower(text)
	return word{
		w:     hash(lw),
		suf3:  hash(suffix(lw, 3)),
		suf2:  hash(suffix(lw, 2)),
		pre1:  hash(prefix(lw, 1)),
		shape: shape(text),
	}
}

func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// shape: 1 capitalised, 2 all capitals, 3 lower case, 4 has a digit,
// 5 has a hyphen, 6 punctuation, 7 other.
func shape(s string) uint64 {
	var upper, lower, digit, hyphen, letter int
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
			letter++
		case unicode.IsLower(r):
			lower++
			letter++
		case unicode.IsDigit(r):
			digit++
		case r == '-':
			hyphen++
		}
	}
	switch {
	case digit > 0:
		return 4
	case hyphen > 0 && letter > 0:
		return 5
	case letter == 0:
		return 6
	case upper > 0 && lower == 0:
		return 2
	case upper > 0:
		r, _ := utf8.DecodeRuneInString(s)
		if unicode.IsUpper(r) {
			return 1
		}
		return 7
	}
	return 3
}

// The keys of a token's features, by group. Training updates them all
// (features); tagging sums each group's rows once per word or once per
// model (Tagger.vecsOfWord, Tagger.prepare), so the groups are listed
// here once for both. In each word group the word's own key comes at
// the place wordKey gives.

// selfKeys are what a word adds as itself: the bias, the word, its
// spelling.
func selfKeys(w *word) [5]uint64 {
	return [5]uint64{key(fBias, 0), key(fWord, w.w), key(fSuf3, w.suf3), key(fSuf2, w.suf2), key(fPre1, w.pre1)}
}

// prevKeys are what a word adds as the word before the one tagged;
// nextKeys as the word after.
func prevKeys(w *word) [2]uint64 { return [2]uint64{key(fPrevWord, w.w), key(fPrevSuf, w.suf3)} }
func nextKeys(w *word) [2]uint64 { return [2]uint64{key(fNextWord, w.w), key(fNextSuf, w.suf3)} }

// The place of the word's own key in selfKeys, prevKeys and nextKeys.
const (
	selfWordKey = 1
	sideWordKey = 0
)

// shapeKeys are what the shape of a token adds, first in its sentence
// or not (first 1 or 0); tagKeys what the two tags before it add.
func shapeKeys(first, shape uint64) [2]uint64 {
	return [2]uint64{key(fShape, shape), key2(fFirstShape, first, shape)}
}
func tagKeys(p1, p2 Tag) [2]uint64 {
	return [2]uint64{key(fPrevTag, uint64(p1)), key2(fPrevTags, uint64(p1), uint64(p2))}
}
