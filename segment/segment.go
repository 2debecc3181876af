// Package segment splits article text into sentences and tokens, with
// offsets in Unicode code points so that every later stage (entities,
// quotes, attributions) reports spans that index the text the same way
// in any language.
//
// Tokens follow the Penn Treebank conventions that the CoNLL-2003 and
// PolNeAR corpora use, since the models are trained on them: punctuation
// is split off, possessive 's and n't are tokens of their own,
// abbreviations ("U.S.", "Mr.") and hyphenated words stay whole.
package segment

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word or punctuation mark; Start and End are code-point
// offsets into the text, End exclusive.
type Token struct {
	Text       string
	Start, End int
}

// Sentence is a run of tokens; Start and End are code-point offsets.
type Sentence struct {
	Start, End int
	Tokens     []Token
}

// Split tokenizes text and groups the tokens into sentences. A paragraph
// break (a blank line) always ends a sentence. Time and memory are linear
// in the length of the text.
func Split(text string) []Sentence {
	toks := Tokenize(text)
	nl := newlinesBefore(text)
	var out []Sentence
	start := 0
	for i := range toks {
		if i+1 == len(toks) || endsSentence(toks, i, nl) {
			s := Sentence{Start: toks[start].Start, End: toks[i].End, Tokens: toks[start : i+1 : i+1]}
			out = append(out, s)
			start = i + 1
		}
	}
	return out
}

// Tokenize splits text into tokens.
func Tokenize(text string) []Token {
	// English prose runs about six bytes a token, so a fifth of the
	// bytes makes room for an article's tokens up front and spares the
	// copies of growing; past 32,768 tokens the slice grows as usual, so
	// that a huge text of spaces costs no memory.
	toks := make([]Token, 0, min(len(text)/5+1, 1<<15))
	runes := []rune(text)
	src := newSource(text, runes)
	n := len(runes)
	for i := 0; i < n; {
		r := runes[i]
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			i++
			continue
		}
		j := i + 1
		if k := acronymEnd(runes, i); k > i {
			toks = append(toks, src.token(i, k))
			i = k
			continue
		}
		switch {
		case isWordRune(r):
			for j < n && (isWordRune(runes[j]) || joinsWord(runes, j)) {
				j++
			}
			// A single capital and a full stop ("U.S.", "J.") or a
			// known abbreviation keeps its full stop.
			if j < n && runes[j] == '.' && keepsPeriod(runes[i:j], runes, j) {
				j++
			} else if j-i >= 3 && runes[j-2] == '-' {
				// A party and state tag: "D-S.C.", "R-N.Y.".
				j = max(j, acronymEnd(runes, j-1))
			}
			toks = appendWord(toks, src, i, j)
			i = j
			continue
		case r == '.' && j < n && runes[j] == '.':
			for j < n && runes[j] == '.' {
				j++
			}
		case r == '-' && j < n && runes[j] == '-':
			for j < n && runes[j] == '-' {
				j++
			}
		case r == '\'' && j < n && runes[j] == '\'' || r == '`' && j < n && runes[j] == '`':
			j++
		}
		toks = append(toks, src.token(i, j))
		i = j
	}
	return toks
}

// acronymEnd returns the end of an acronym with inner full stops starting
// at i ("U.S.", "a.m.", "U.N."), or i when there is none.
func acronymEnd(runes []rune, i int) int {
	j := i
	for j+1 < len(runes) && unicode.IsLetter(runes[j]) && runes[j+1] == '.' {
		if j+2 < len(runes) && isWordRune(runes[j+2]) && !(j+3 >= len(runes) || runes[j+3] == '.' || !isWordRune(runes[j+3])) {
			break
		}
		j += 2
	}
	if j-i < 4 || j < len(runes) && isWordRune(runes[j]) {
		return i
	}
	return j
}

// appendWord adds the word runes[i:j], splitting off the clitics that the
// treebank conventions treat as tokens: 's, 're, 've, 'll, 'd, 'm and n't.
func appendWord(toks []Token, src *source, i, j int) []Token {
	w := src.runes[i:j]
	if !apostropheNearEnd(w) {
		return append(toks, src.token(i, j))
	}
	for _, c := range clitics {
		k := len(w) - len(c)
		if k <= 0 || !matchFold(w[k:], c) {
			continue
		}
		if c[0] == 'n' && k == 0 {
			continue
		}
		toks = append(toks, src.token(i, i+k))
		return append(toks, src.token(i+k, j))
	}
	return append(toks, src.token(i, j))
}

// source makes the tokens of a text. A token's Text is the string of its
// runes; when the text is valid UTF-8 that is a substring of the text,
// taken without a copy (most of the cost of tokenizing was the copies).
type source struct {
	text  string
	runes []rune
	at    []int32 // byte offset of each rune and of the end; nil: copy
}

func newSource(text string, runes []rune) *source {
	s := &source{text: text, runes: runes}
	if len(text) < math.MaxInt32 && utf8.ValidString(text) {
		s.at = make([]int32, 0, len(runes)+1)
		for i := range text {
			s.at = append(s.at, int32(i))
		}
		s.at = append(s.at, int32(len(text)))
	}
	return s
}

// token returns the token of the runes [i, j).
func (s *source) token(i, j int) Token {
	if s.at == nil {
		return Token{Text: string(s.runes[i:j]), Start: i, End: j}
	}
	return Token{Text: s.text[s.at[i]:s.at[j]], Start: i, End: j}
}

var clitics = [][]rune{[]rune("n't"), []rune("n’t"), []rune("'s"), []rune("’s"), []rune("'re"), []rune("’re"),
	[]rune("'ve"), []rune("’ve"), []rune("'ll"), []rune("’ll"), []rune("'d"), []rune("’d"), []rune("'m"), []rune("’m")}

// apostropheNearEnd reports an apostrophe second or third from the end
// of w, where every clitic has its own: most words have none, and are
// spared the comparisons.
func apostropheNearEnd(w []rune) bool {
	for k := max(0, len(w)-3); k < len(w)-1; k++ {
		if w[k] == '\'' || w[k] == '’' {
			return true
		}
	}
	return false
}

func matchFold(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if unicode.ToLower(a[i]) != b[i] {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}

// joinsWord reports whether the mark at runes[j] continues a word:
// hyphens and apostrophes between letters, and the separators inside
// numbers ("1,000.5", "9/11", "10:30").
func joinsWord(runes []rune, j int) bool {
	if j+1 >= len(runes) || !isWordRune(runes[j+1]) || !isWordRune(runes[j-1]) {
		return false
	}
	switch runes[j] {
	case '-', '\u2010', '\u2011', '\'', '’', '&':
		return true
	case ',', '.', ':', '/':
		return unicode.IsDigit(runes[j-1]) && unicode.IsDigit(runes[j+1])
	}
	return false
}

// keepsPeriod reports whether the full stop after word belongs to it.
func keepsPeriod(word []rune, runes []rune, dot int) bool {
	if len(word) == 1 && unicode.IsUpper(word[0]) {
		return true // initials: "J. R. R. Tolkien"
	}
	lw := strings.ToLower(string(word))
	if !abbreviations[lw] {
		return false
	}
	// A stop right before a closing quote or the end ends a sentence.
	if dot+1 >= len(runes) || isCloser(string(runes[dot+1])) {
		return false
	}
	// "No. 5" but not "said no. She".
	if lw == "no" {
		k := dot + 1
		for k < len(runes) && runes[k] == ' ' {
			k++
		}
		return k < len(runes) && unicode.IsDigit(runes[k])
	}
	return true
}

// abbreviations keep their full stop; most of them never end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "cmdr": true, "adm": true, "maj": true,
	"st": true, "jr": true, "sr": true, "rev": true, "hon": true, "pres": true, "supt": true, "insp": true,
	"inc": true, "corp": true, "ltd": true, "co": true, "bros": true, "no": true, "vs": true, "etc": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "mt": true, "ft": true, "ave": true, "blvd": true,
	"dept": true, "univ": true, "approx": true, "est": true, "fig": true, "vol": true, "ed": true, "al": true,
	"ariz": true, "calif": true, "colo": true, "conn": true, "fla": true, "ga": true, "ill": true, "ind": true,
	"kan": true, "ky": true, "la": true, "md": true, "mass": true, "mich": true, "minn": true, "miss": true,
	"mo": true, "mont": true, "neb": true, "nev": true, "okla": true, "ore": true, "pa": true, "tenn": true,
	"tex": true, "va": true, "wash": true, "wis": true, "wyo": true, "e.g": true, "i.e": true, "del": true,
}

// titles are abbreviations that precede a name and so never end a
// sentence even when a capital follows.
var titles = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "sen.": true, "rep.": true, "gov.": true,
	"gen.": true, "col.": true, "lt.": true, "sgt.": true, "capt.": true, "st.": true, "rev.": true, "hon.": true,
	"pres.": true, "adm.": true, "maj.": true, "cmdr.": true, "mt.": true, "no.": true, "vs.": true,
	"del.": true,
}

// endsSentence reports whether the sentence ends after token i.
func endsSentence(toks []Token, i int, nl []int32) bool {
	t := toks[i]
	next := toks[i+1]
	// A blank line between the tokens is a paragraph break.
	if nl[next.Start]-nl[t.End] >= 2 {
		return true
	}
	switch t.Text {
	case ".", "!", "?", "...", "…":
	default:
		// "U.S." or an initial at the end of a sentence: only when
		// followed by a capital after a space and not a title.
		last, _ := utf8.DecodeLastRuneInString(t.Text)
		if last == '.' && len(t.Text) > 1 && !titles[strings.ToLower(t.Text)] {
			if middleInitial(toks, i, nl) {
				return false // "George W. Bush", "Thomas W. Malone"
			}
			return startsSentence(next.Text) && !isAcronym(next.Text) && strings.ToUpper(next.Text) != next.Text
		}
		// A closing quote or bracket right after the terminal mark, unless
		// the signature of a quoted question or exclamation follows.
		if isCloser(t.Text) && i > 0 && isTerminal(toks[i-1].Text) && !opensQuote(toks, i) {
			if toks[i-1].Text != "." && signatureAt(toks, i+1) {
				return false // “Why not?” Trump asked.
			}
			return startsSentence(next.Text)
		}
		return false
	}
	// The terminal mark followed by a closing quote: end after the quote;
	// but a straight mark that opens a quotation opens the next sentence.
	if isCloser(next.Text) {
		return opensQuote(toks, i+1) && i+2 < len(toks) && startsSentence(toks[i+2].Text)
	}
	return startsSentence(next.Text)
}

// signatureAt reports a quotation's signature at j: up to three
// capitalised words and a verb of saying, not followed by "that" ("Trump
// asked.", "Sen. Ted Cruz shouted"). After a question or an exclamation
// in quotation marks it belongs to the quotation's sentence: “Why not?”
// Trump asked.
func signatureAt(toks []Token, j int) bool {
	for k := j; k < len(toks) && k <= j+3; k++ {
		w := toks[k].Text
		if k > j && signatureVerbs[w] {
			return k+1 >= len(toks) || toks[k+1].Text != "that"
		}
		if !capitalised(w) && !titles[strings.ToLower(w)] {
			return false
		}
	}
	return false
}

var signatureVerbs = map[string]bool{
	"said": true, "says": true, "asked": true, "asks": true, "told": true, "replied": true, "replies": true,
	"added": true, "adds": true, "tweeted": true, "wrote": true, "writes": true, "shouted": true, "yelled": true,
	"exclaimed": true, "recalled": true, "recalls": true, "responded": true, "responds": true, "continued": true,
	"joked": true, "quipped": true, "demanded": true, "wondered": true, "insisted": true, "declared": true,
	"remarked": true, "reacted": true, "countered": true, "explained": true, "answered": true,
}

// opensQuote reports a straight quotation mark at j that opens a
// quotation rather than closing one: a space before it and none after
// (`so. "It was`). Curly marks say which they are; straight ones do not,
// and read as closers a quotation that opens a sentence joined the
// sentence before.
func opensQuote(toks []Token, j int) bool {
	switch toks[j].Text {
	case `"`, "''", "'":
	default:
		return false
	}
	return j > 0 && j+1 < len(toks) && toks[j].Start > toks[j-1].End && toks[j+1].Start == toks[j].End
}

// middleInitial reports a one-letter initial between two capitalised
// words on one line: the middle of a name. A sentence seldom ends on a
// capital letter after a capitalised word ("Plan B. Then" is the rare
// loss); names with a middle initial are common in news.
func middleInitial(toks []Token, i int, nl []int32) bool {
	t := []rune(toks[i].Text)
	if len(t) != 2 || !unicode.IsUpper(t[0]) || i == 0 {
		return false
	}
	prev, next := toks[i-1], toks[i+1]
	if prev.End != toks[i].Start-1 || next.Start != toks[i].End+1 || nl[prev.End] != nl[next.Start] {
		return false // one space apart each, on one line
	}
	return capitalised(prev.Text) && capitalised(next.Text)
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && strings.ToUpper(w) != w
}

// newlinesBefore returns, for each code-point offset, how many newlines
// precede it, so the blank lines between two tokens are counted in O(1).
func newlinesBefore(text string) []int32 {
	out := make([]int32, 0, len(text)+1)
	var c int32
	for _, r := range text {
		out = append(out, c)
		if r == '\n' {
			c++
		}
	}
	return append(out, c)
}

func isTerminal(s string) bool { return s == "." || s == "!" || s == "?" || s == "..." || s == "…" }

func isCloser(s string) bool {
	switch s {
	case "\"", "”", "’", "'", ")", "]", "»", "''":
		return true
	}
	return false
}

// startsSentence reports whether a token can open a sentence: a capital,
// a digit, or an opening quote or bracket.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'(«[`", r) || unicode.Is(unicode.Han, r)
}

// isAcronym reports whether s is letters with full stops ("U.S.", "a.m.").
func isAcronym(s string) bool {
	dots := strings.Count(s, ".")
	return dots >= 1 && utf8.RuneCountInString(s) <= 2*dots+1
}
