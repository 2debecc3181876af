package analyze

import (
	"strings"
	"unicode"

	"github.com/datelinehq/dateline"
)

// Language returns the article's language (ISO 639-1, "und" when unknown)
// and whether it is English, the one language the models cover. The
// language extract found is trusted when it is not English; when it is
// English or absent the text is checked too, since pages often declare
// "en" whatever they hold: by writing system, then by the share of each
// language's commonest words among the first words (the stop-word method
// of language identification, as in Grefenstette 1995).
func Language(a dateline.Article) (string, bool) {
	declared := strings.ToLower(a.Language)
	if i := strings.IndexAny(declared, "-_"); i >= 0 {
		declared = declared[:i]
	}
	if declared != "" && declared != "en" {
		return declared, false
	}
	guess := detect(a.Text)
	switch {
	case guess == "en":
		return "en", true
	case guess == "und" && declared == "en":
		return "en", true
	case guess == "und":
		// Too little text to tell: analyse it as English.
		return "und", true
	}
	return guess, false
}

// detectWords bounds the words read, so that detection costs the same
// for any length of text.
const detectWords = 400

// detect guesses the language of text from its first words.
func detect(text string) string {
	scripts := map[string]int{}
	hits := map[string]int{}
	letters, words := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		if words == detectWords {
			break
		}
		words++
		for _, r := range w {
			letters++
			if s := script(r); s != "" {
				scripts[s]++
			}
		}
		lw := strings.ToLower(w)
		for lang, set := range stopwords {
			if set[lw] {
				hits[lang]++
			}
		}
	}
	for s, n := range scripts {
		if n*2 > letters {
			return s
		}
	}
	best, bestN := "und", 0
	for lang, n := range hits {
		if n > bestN || n == bestN && lang == "en" {
			best, bestN = lang, n
		}
	}
	// Fewer than one word in twenty among the commonest of any language:
	// a list, a table, a name dump. Too little to tell.
	if words < 8 || bestN*20 < words {
		return "und"
	}
	return best
}

// script names the language of letters whose script is enough to tell
// it (approximately: Cyrillic is reported as Russian).
func script(r rune) string {
	switch {
	case r < 0x370:
		return ""
	case unicode.Is(unicode.Cyrillic, r):
		return "ru"
	case unicode.Is(unicode.Greek, r):
		return "el"
	case unicode.Is(unicode.Arabic, r):
		return "ar"
	case unicode.Is(unicode.Hebrew, r):
		return "he"
	case unicode.Is(unicode.Devanagari, r):
		return "hi"
	case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
		return "ja"
	case unicode.Is(unicode.Hangul, r):
		return "ko"
	case unicode.Is(unicode.Han, r):
		return "zh"
	case unicode.Is(unicode.Thai, r):
		return "th"
	}
	return ""
}

// stopwords are the commonest words of the languages extract meets most.
var stopwords = map[string]map[string]bool{
	"en": fields(`the of and to in is that for it was on with as be by at this are from his her said he she have not but they an which were has had been will would their who`),
	"fr": fields(`le la les des est une dans que qui pour pas sur par du au avec plus ce il elle sont été aux nous vous mais ou leur cette`),
	"de": fields(`der die das und ist nicht mit ein eine den dem des auf für sich von zu im auch es sie wird wurde dass nach bei aus werden oder`),
	"es": fields(`el la los las de que y en un una es por con para del se al lo como más pero sus fue ha este está son su`),
	"it": fields(`il di che la è e per un una non sono del della con le gli si da al nel anche ma più questo ha`),
	"nl": fields(`de het een van en is dat op te zijn met voor niet aan er ook als bij door maar werd naar om hij`),
	"pt": fields(`o a os as de que e do da em um uma para com não por se na no mais foi como mas ao dos das`),
}

func fields(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
