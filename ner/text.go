package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenize splits running text into tokens the way the CoNLL-2003 files
// are tokenised (Penn Treebank style, simplified): punctuation apart,
// "n't" and "'s"-like clitics apart, curly quotes made straight.
// Abbreviations with inner periods ("U.S.") stay whole.
func tokenize(text string) []string {
	var out []string
	for _, f := range strings.Fields(text) {
		out = splitWord(f, out)
	}
	return out
}

var quoteReplacer = strings.NewReplacer("\u201c", "\"", "\u201d", "\"", "\u2018", "'", "\u2019", "'", "\u2014", "--", "\u2013", "-", "\u2026", "...")

func splitWord(w string, out []string) []string {
	w = quoteReplacer.Replace(w)
	var tail []string
	for w != "" {
		r, size := utf8.DecodeRuneInString(w)
		if !isPunct(r) || (r == '.' && len(w) > 1 && w[1] != '.') {
			break
		}
		if strings.HasPrefix(w, "...") {
			out = append(out, "...")
			w = w[3:]
			continue
		}
		out = append(out, w[:size])
		w = w[size:]
	}
	for w != "" {
		r, size := utf8.DecodeLastRuneInString(w)
		if !isPunct(r) {
			break
		}
		if r == '.' {
			if strings.HasSuffix(w, "...") {
				tail = append(tail, "...")
				w = w[:len(w)-3]
				continue
			}
			// Keep the period of an abbreviation such as "U.S." or "Mr.".
			body := w[:len(w)-1]
			if strings.Contains(body, ".") || (len(body) <= 3 && len(body) > 0 && unicode.IsUpper(rune(body[0]))) {
				break
			}
		}
		tail = append(tail, w[len(w)-size:])
		w = w[:len(w)-size]
	}
	if w != "" {
		lw := strings.ToLower(w)
		switch {
		case len(w) > 3 && strings.HasSuffix(lw, "n't"):
			out = append(out, w[:len(w)-3], w[len(w)-3:])
		case len(w) > 2 && (strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "'m") || strings.HasSuffix(lw, "'d")):
			out = append(out, w[:len(w)-2], w[len(w)-2:])
		case len(w) > 3 && (strings.HasSuffix(lw, "'re") || strings.HasSuffix(lw, "'ve") || strings.HasSuffix(lw, "'ll")):
			out = append(out, w[:len(w)-3], w[len(w)-3:])
		default:
			out = append(out, w)
		}
	}
	for i := len(tail) - 1; i >= 0; i-- {
		out = append(out, tail[i])
	}
	return out
}

func isPunct(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}
