// Package lang identifies the language of a text and normalises declared
// language tags. Extraction uses it to fill Article.Language; analysis
// uses it to decide whether the English models apply. One detector keeps
// the two from disagreeing about the same text.
package lang

import (
	"strings"
	"unicode"
)

// Language identification by stop words: the share of a language's most
// frequent function words among the first few hundred words is a reliable
// signal for news text in the languages below (Grefenstette, 1995).
var stopWords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "he", "by", "at", "from", "his", "have", "are", "this", "be", "said", "an", "has", "but", "not", "they", "which", "were"},
	"de": {"der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie", "nach"},
	"fr": {"de", "la", "le", "et", "les", "des", "en", "un", "du", "une", "que", "est", "pour", "qui", "dans", "a", "par", "plus", "pas", "au", "sur", "ne", "se", "ce", "il", "sont", "avec", "son", "aux", "ont"},
	"es": {"de", "la", "que", "el", "en", "y", "los", "del", "se", "las", "por", "un", "para", "con", "no", "una", "su", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "o", "fue", "este", "ha", "sí"},
	"it": {"di", "e", "il", "la", "che", "in", "a", "per", "un", "del", "non", "è", "una", "della", "con", "i", "si", "le", "da", "dei", "sono", "al", "come", "nel", "alla", "più", "ha", "anche", "gli", "questo"},
	"pt": {"de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "é", "com", "não", "uma", "os", "no", "se", "na", "por", "mais", "as", "dos", "como", "mas", "foi", "ao", "ele", "das", "tem", "à"},
	"nl": {"de", "en", "van", "het", "een", "in", "is", "dat", "op", "te", "zijn", "voor", "met", "die", "niet", "aan", "er", "om", "ook", "als", "bij", "of", "door", "maar", "worden", "nog", "wordt", "naar", "hij", "deze"},
	"sv": {"och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "de", "inte", "om", "ett", "han", "men", "var", "jag", "sig", "från", "vi", "så", "kan", "man", "när", "år"},
	"pl": {"i", "w", "na", "z", "się", "nie", "do", "to", "że", "jest", "o", "jak", "po", "co", "tak", "za", "od", "ale", "przez", "dla", "jego", "są", "tym", "już", "czy", "być", "może", "jej", "ich", "oraz"},
	"tr": {"ve", "bir", "bu", "da", "de", "için", "ile", "çok", "olarak", "daha", "gibi", "en", "ne", "o", "ama", "olan", "kadar", "sonra", "her", "ki", "mi", "var", "değil", "ise", "göre", "yıl", "ilk", "iki", "şey", "oldu"},
	"id": {"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada", "juga", "ke", "ada", "karena", "oleh", "saya", "bisa", "mereka", "atau", "kami", "sudah", "telah", "kata", "lebih", "seperti", "hanya", "bahwa", "para"},
}

// scriptLangs guess a language from its writing system where stop words
// do not apply (no spaces, or a script used by one major language).
var scriptLangs = []struct {
	table *unicode.RangeTable
	lang  string
}{
	{unicode.Hiragana, "ja"}, {unicode.Katakana, "ja"}, {unicode.Hangul, "ko"}, {unicode.Han, "zh"},
	{unicode.Cyrillic, "ru"}, {unicode.Arabic, "ar"}, {unicode.Hebrew, "he"}, {unicode.Greek, "el"},
	{unicode.Thai, "th"}, {unicode.Devanagari, "hi"}, {unicode.Bengali, "bn"}, {unicode.Tamil, "ta"},
}

var stopIndex = func() map[string][]string {
	idx := make(map[string][]string)
	for lang, ws := range stopWords {
		for _, w := range ws {
			idx[w] = append(idx[w], lang)
		}
	}
	return idx
}()

// Detect returns the ISO 639-1 code of text's language, or "" when the
// text is too short or too mixed to tell.
func Detect(text string) string {
	if len(text) > 20000 {
		text = text[:20000]
	}
	var scripts [16]int
	letters := 0
	for _, r := range text {
		if r < 0x80 {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				letters++
			}
			continue
		}
		for i, s := range scriptLangs {
			if unicode.Is(s.table, r) {
				scripts[i]++
				break
			}
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters == 0 {
		return ""
	}
	// Japanese text mixes kana with Han characters: any kana decides it.
	if scripts[0]+scripts[1] > letters/20 && scripts[0]+scripts[1] > 0 {
		return "ja"
	}
	for i, s := range scriptLangs {
		if scripts[i]*2 > letters {
			return s.lang
		}
	}
	counts := make(map[string]int, len(stopWords))
	n := 0
	// Words are lowered one at a time: the count stops after 601 words,
	// so most of a long text is never lowered or split. (Lowering keeps
	// letters letters and other runes not, so the words are the same.)
	for rest := text; n <= 600; {
		var w string
		if w, rest = nextWord(rest); w == "" {
			break
		}
		n++
		for _, l := range stopIndex[strings.ToLower(w)] {
			counts[l]++
		}
	}
	best, bestN := "", 0
	for l, c := range counts {
		if c > bestN || c == bestN && l < best {
			best, bestN = l, c
		}
	}
	if bestN*20 < n || bestN < 3 {
		return ""
	}
	return best
}

// nextWord returns the first run of letters in s and the text after it;
// w is "" when s holds no letter.
func nextWord(s string) (w, rest string) {
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return s[start:i], s[i:]
		}
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// Normalize reduces a declared language tag ("en-US", "en_GB") to ISO
// 639-1, or "" when it is not one.
func Normalize(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 {
		return ""
	}
	for _, r := range tag {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return tag
}

// IsStopWord reports whether w (lowercase) is one of the commonest
// function words of a language the detector knows.
func IsStopWord(w string) bool { return len(stopIndex[w]) > 0 }
