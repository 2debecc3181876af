package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The WCXB metric (evaluate.py in the corpus, upstream
// Murrough-Foley/web-content-extraction-benchmark) is
//
//	re.findall(r'\w+', text.lower())
//
// in Python 3. lower and Tokens reproduce it: Python's str.lower maps rune
// by rune like Go's unicode.ToLower except for two rules, and its \w on str
// patterns matches letters (Lu, Ll, Lt, Lm, Lo), numbers (Nd, Nl, No) and
// "_", but not combining marks.

// lower lowercases s as Python's str.lower does. It differs from
// strings.ToLower in İ (U+0130), which becomes "i" + U+0307 COMBINING DOT
// ABOVE, and in capital sigma, which becomes final ς at the end of a word.
func lower(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch r {
		case 'İ':
			b.WriteString("i\u0307")
		case 'Σ':
			if finalSigma(s, i) {
				b.WriteRune('ς')
			} else {
				b.WriteRune('σ')
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the Σ at byte i ends a word, by Unicode's
// Final_Sigma condition as CPython applies it: a cased letter before it and
// none after it, skipping case-ignorable characters on both sides.
func finalSigma(s string, i int) bool {
	before := strings.TrimRightFunc(s[:i], caseIgnorable)
	if r, _ := utf8.DecodeLastRuneInString(before); before == "" || !cased(r) {
		return false
	}
	after := strings.TrimLeftFunc(s[i+len("Σ"):], caseIgnorable)
	for _, r := range after {
		return !cased(r)
	}
	return true
}

func cased(r rune) bool {
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

// caseIgnorable is Unicode's Case_Ignorable: marks, format characters,
// modifier letters and symbols, and the Word_Break MidLetter, MidNumLet and
// Single_Quote characters (listed, as Go has no Word_Break table).
func caseIgnorable(r rune) bool {
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) {
		return true
	}
	return strings.ContainsRune("'.:··՟״‧︓﹕：‘’․﹒＇．", r)
}

// isWord is Python's \w: letters, numbers and the underscore.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// Tokens splits text into lowercase words as evaluate.py does.
func Tokens(text string) []string {
	return strings.FieldsFunc(lower(text), func(r rune) bool { return !isWord(r) })
}

// WordF1 is evaluate.py's word_f1: precision, recall and F1 of the bag of
// predicted tokens against the bag of reference tokens (multiset overlap).
// An empty reference scores 1 against an empty prediction and 0 otherwise.
func WordF1(predicted, reference string) (p, r, f1 float64) {
	pred, ref := Tokens(predicted), Tokens(reference)
	if len(ref) == 0 {
		if len(pred) == 0 {
			return 1, 1, 1
		}
		return 0, 0, 0
	}
	if len(pred) == 0 {
		return 0, 0, 0
	}
	counts := make(map[string]int, len(ref))
	for _, t := range ref {
		counts[t]++
	}
	overlap := 0
	for _, t := range pred {
		if counts[t] > 0 {
			counts[t]--
			overlap++
		}
	}
	p = float64(overlap) / float64(len(pred))
	r = float64(overlap) / float64(len(ref))
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// snippetRate is the share of snippets found in text, compared after
// Python lowercasing as evaluate.py's snippet_check does. ok is false when
// there are no snippets (evaluate.py then returns 1.0 for both kinds,
// which would count a page without "without" snippets as all found).
func snippetRate(lowText string, snippets []string) (rate float64, ok bool) {
	if len(snippets) == 0 {
		return 0, false
	}
	found := 0
	for _, s := range snippets {
		if strings.Contains(lowText, lower(s)) {
			found++
		}
	}
	return float64(found) / float64(len(snippets)), true
}
