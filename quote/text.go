package quote

import (
	"sort"
	"strings"
	"unicode"

	"github.com/datelinehq/dateline/segment"
)

// Quotation state of a token.
const (
	outside   = iota // not in a quotation
	inside           // inside one
	openMark         // the mark that opens one
	closeMark        // the mark that closes one
)

// maxUnit bounds the tokens of one unit, so that labelling every cue of a
// unit stays linear in the text however long a quotation runs.
const maxUnit = 160

// view is the text as the labellers read it: the sentences' tokens laid
// end to end, with what the features need precomputed once.
type view struct {
	text   []rune
	toks   []segment.Token
	lw     []string // lower-case token text, quote marks folded to `"`
	sentOf []int32  // sentence of each token
	// sentStart and sentEnd are the first token of each token's sentence
	// and the token after its last.
	sentStart, sentEnd []int32
	state              []uint8  // quotation state
	qid                []int32  // quotation index of a token in or marking one, else -1
	paraAt             []bool   // the token opens a paragraph
	units              [][2]int // token ranges labelled together
	cueAt              []bool   // tokens of cues, once found
}

// isQuoteMark reports the double quotation marks (and the treebank's
// “ and ” tokens are checked by the caller).
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '〝', '〞', '＂':
		return true
	}
	return false
}

// newView prepares the tokens of sents. Time is linear in the text.
func newView(text []rune, sents []segment.Sentence) *view {
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	v := &view{
		text:   text,
		toks:   make([]segment.Token, 0, n),
		lw:     make([]string, 0, n),
		sentOf: make([]int32, 0, n),
	}
	for si, s := range sents {
		for _, t := range s.Tokens {
			v.toks = append(v.toks, t)
			v.sentOf = append(v.sentOf, int32(si))
			lw := strings.ToLower(t.Text)
			if t.Text == "``" || t.Text == "''" || len([]rune(t.Text)) == 1 && isQuoteMark([]rune(t.Text)[0]) {
				lw = `"`
			} else if t.Text == "’" || t.Text == "‘" {
				lw = "'"
			}
			v.lw = append(v.lw, lw)
		}
	}
	v.sentStart, v.sentEnd = make([]int32, n), make([]int32, n)
	for i := 0; i < n; i++ {
		if i > 0 && v.sentOf[i] == v.sentOf[i-1] {
			v.sentStart[i] = v.sentStart[i-1]
		} else {
			v.sentStart[i] = int32(i)
		}
	}
	for i := n - 1; i >= 0; i-- {
		if i+1 < n && v.sentOf[i] == v.sentOf[i+1] {
			v.sentEnd[i] = v.sentEnd[i+1]
		} else {
			v.sentEnd[i] = int32(i + 1)
		}
	}
	v.paraAt = make([]bool, n)
	for i := range v.toks {
		v.paraAt[i] = i == 0 || paragraphBreak(text, v.toks[i-1].End, v.toks[i].Start)
	}
	v.markQuotes()
	v.makeUnits()
	return v
}

// paragraphBreak reports a blank line (two newlines) between a and b.
func paragraphBreak(text []rune, a, b int) bool {
	nl := 0
	for k := a; k < b && k < len(text); k++ {
		if text[k] == '\n' {
			nl++
		}
	}
	return nl >= 2
}

// opens decides whether a quotation mark token opens (true) or closes a
// quotation. Curly and angle marks say so themselves; a straight mark
// opens when it follows a space or an opening bracket and is followed by
// a word, the usual reading of typewriter quotes.
func (v *view) opens(i int) (open, sure bool) {
	t := v.toks[i]
	switch v.toks[i].Text {
	case "“", "„", "«", "``", "〝":
		return true, true
	case "”", "»", "''", "〞":
		return false, true
	}
	before := t.Start == 0 || unicode.IsSpace(v.text[t.Start-1]) || strings.ContainsRune("([{—–-", v.text[t.Start-1])
	after := t.End < len(v.text) && !unicode.IsSpace(v.text[t.End]) && !unicode.IsPunct(v.text[t.End])
	return before || after && !(t.Start > 0 && unicode.IsLetter(v.text[t.Start-1])), false
}

// leftFlanking reports a mark with space (or nothing) before it and a
// letter or digit right after it: placed as an opening mark, whatever
// its shape.
func (v *view) leftFlanking(i int) bool {
	t := v.toks[i]
	before := t.Start == 0 || unicode.IsSpace(v.text[t.Start-1])
	after := t.End < len(v.text) && (unicode.IsLetter(v.text[t.End]) || unicode.IsDigit(v.text[t.End]))
	return before && after
}

// markQuotes finds the quotations in one left-to-right pass. Unbalanced
// marks are read as news copy writes them: a mark that opens while a
// quotation is open starts a new one; a closing mark with none open is
// kept as a stray mark; a paragraph that ends inside a quotation ends the
// quotation there, and when the next paragraph opens with a mark the
// quotation goes on (the continued-quote convention).
func (v *view) markQuotes() {
	n := len(v.toks)
	v.state = make([]uint8, n)
	v.qid = make([]int32, n)
	cur := int32(-1)
	next := int32(0)
	for i := 0; i < n; i++ {
		v.qid[i] = -1
		if v.paraAt[i] && cur >= 0 {
			if v.lw[i] == `"` {
				if open, _ := v.opens(i); open {
					v.state[i] = openMark
					v.qid[i] = cur // continued quotation
					continue
				}
			}
			cur = -1
		}
		if v.lw[i] != `"` {
			if cur >= 0 {
				v.state[i] = inside
				v.qid[i] = cur
			}
			continue
		}
		open, sure := v.opens(i)
		switch {
		case cur < 0 && (open || !sure):
			cur = next
			next++
			v.state[i] = openMark
			v.qid[i] = cur
		case cur < 0 && v.leftFlanking(i):
			// a closing mark used to open: "”Mr. Trump embodies…"
			cur = next
			next++
			v.state[i] = openMark
			v.qid[i] = cur
		case cur < 0:
			// a stray closing mark
		case open && sure:
			cur = next
			next++
			v.state[i] = openMark
			v.qid[i] = cur
		default:
			v.state[i] = closeMark
			v.qid[i] = cur
			cur = -1
		}
	}
}

// makeUnits groups sentences into units: a sentence that starts inside a
// quotation joins the one before, so a quotation of several sentences and
// the cue after it are labelled together. So does one that the sentence
// splitter cut at a middle initial ("John D. | Podesta said"), where a
// source would otherwise be cut in two. Units never cross paragraphs
// and never exceed maxUnit tokens.
func (v *view) makeUnits() {
	start := 0
	for i := 1; i <= len(v.toks); i++ {
		if i < len(v.toks) && (v.sentOf[i] == v.sentOf[i-1] || !v.paraAt[i] && (v.qid[i] >= 0 && v.qid[i] == v.qid[i-1] || initials(v.toks[i-1].Text) || initials(v.toks[i].Text))) && i-start < maxUnit {
			continue
		}
		v.units = append(v.units, [2]int{start, i})
		start = i
	}
}

// window returns the tokens among which the source and content of a cue
// in unit ui are sought: the unit, and the next one too where that opens
// with a quotation mark in the same paragraph — "“A,” he said. “B.”" —
// or in the next paragraph after a colon ("he said:" and a block quote),
// unless a cue of its own claims it.
func (v *view) window(ui int) [2]int {
	u := v.units[ui]
	if ui+1 == len(v.units) {
		return u
	}
	next := v.units[ui+1]
	if v.state[next[0]] != openMark || next[1]-u[0] > 2*maxUnit {
		return u
	}
	if v.paraAt[next[0]] && v.lw[u[1]-1] != ":" {
		return u
	}
	for i := next[0]; i < next[1]; i++ {
		if v.cueAt[i] {
			return u
		}
	}
	return [2]int{u[0], next[1]}
}

// tokenRange returns the tokens [a, b) that a span of code points
// touches: from the first ending after its start to the first starting at
// or after its end.
func (v *view) tokenRange(p [2]int) (a, b int) {
	a = sort.Search(len(v.toks), func(k int) bool { return v.toks[k].End > p[0] })
	b = sort.Search(len(v.toks), func(k int) bool { return v.toks[k].Start >= p[1] })
	return a, max(a, b)
}

// initials reports a token of capital initials with full stops: "D.",
// "G.K.", "C.".
func initials(s string) bool {
	if len(s) < 2 || len(s)%2 != 0 {
		return false
	}
	for i := 0; i < len(s); i += 2 {
		if s[i] < 'A' || s[i] > 'Z' || s[i+1] != '.' {
			return false
		}
	}
	return true
}

// wordSet is the set of the words of s, spaced apart.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
