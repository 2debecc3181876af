package eval

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Metadata fields are scored on the pages whose gold value is non-empty
// (accuracy = matches / such pages). On pages without a gold author or
// date, an output is counted as a false output: the page may simply not
// state one, or the annotators may have skipped it, so the count is a
// signal to read, not an error rate.

// TitleMatch reports whether a predicted title matches the gold one. Both
// are reduced to their lowercase \w tokens (which drops case, punctuation
// and spacing); they match when equal, or when one is contained in the
// other at word boundaries and the shorter is at least 60% of the longer in
// characters. The second rule accepts "Title | Site Name" against "Title"
// and a title missing a short kicker, but not a title cut to a few words.
func TitleMatch(pred, gold string) bool {
	p, g := normWords(pred), normWords(gold)
	if p == "" || g == "" {
		return false
	}
	if p == g {
		return true
	}
	short, long := p, g
	if len(short) > len(long) {
		short, long = long, short
	}
	if !strings.Contains(" "+long+" ", " "+short+" ") {
		return false
	}
	return 10*utf8.RuneCountInString(short) >= 6*utf8.RuneCountInString(long)
}

func normWords(s string) string { return strings.Join(Tokens(s), " ") }

// nameConnectors are dropped from both sides before authors are compared:
// "A and B" and "A; B" name the same people, and "By A" is A.
var nameConnectors = map[string]bool{
	"by": true, "and": true, "von": true, "und": true, "par": true, "et": true, "y": true, "e": true,
}

func nameTokens(s string) []string {
	var out []string
	for _, t := range Tokens(s) {
		if !nameConnectors[t] {
			out = append(out, t)
		}
	}
	return out
}

// AuthorMatch reports whether the predicted author string names the gold
// author(s): every gold name token (lowercase \w, connectors dropped) is
// among the predicted ones, counted as a multiset, and the prediction has
// at most 2n+2 tokens for n gold tokens, so that a dumped paragraph or a
// long list of names does not match by containing everything.
func AuthorMatch(pred, gold string) bool {
	g, p := nameTokens(gold), nameTokens(pred)
	if len(g) == 0 || len(p) == 0 || len(p) > 2*len(g)+2 {
		return false
	}
	have := make(map[string]int, len(p))
	for _, t := range p {
		have[t]++
	}
	for _, t := range g {
		if have[t] == 0 {
			return false
		}
		have[t]--
	}
	return true
}

var yearMonth = regexp.MustCompile(`^\d{4}-\d\d$`)

// DateMatch reports whether a predicted YYYY-MM-DD date is the gold one.
// A gold date given only to the month (YYYY-MM, two WCXB pages) matches
// any day of that month.
func DateMatch(pred, gold string) bool {
	gold = strings.TrimSpace(gold)
	if pred == "" {
		return false
	}
	if d := Day(gold); d != "" {
		return pred == d
	}
	return yearMonth.MatchString(gold) && strings.HasPrefix(pred, gold+"-")
}

// FieldScore counts one metadata field over a set.
type FieldScore struct {
	Gold     int // pages with a gold value
	Correct  int // of those, pages whose output matched
	NoGold   int // pages without a gold value
	FalseOut int // of those, pages with an output all the same
}

func (f *FieldScore) add(pred, gold string, match func(pred, gold string) bool) {
	if strings.TrimSpace(gold) == "" {
		f.NoGold++
		if strings.TrimSpace(pred) != "" {
			f.FalseOut++
		}
		return
	}
	f.Gold++
	if match(pred, gold) {
		f.Correct++
	}
}

// Fields scores title, author and date together.
type Fields struct{ Title, Author, Date FieldScore }

func scoreFields(pages []Page, res []Result) Fields {
	var f Fields
	for i, p := range pages {
		f.Title.add(res[i].Title, p.Gold.Title, TitleMatch)
		f.Author.add(res[i].Author, p.Gold.Author, AuthorMatch)
		f.Date.add(res[i].Date, p.Gold.Date, DateMatch)
	}
	return f
}

func (f Fields) lines() []Line {
	acc := func(name string, s FieldScore) Line {
		return Line{fmt.Sprintf("%s accuracy (%d gold)", name, s.Gold), ratio(float64(s.Correct), float64(s.Gold))}
	}
	out := func(name string, s FieldScore) Line {
		return Line{fmt.Sprintf("%s output, no gold (of %d)", name, s.NoGold), fmt.Sprint(s.FalseOut)}
	}
	return []Line{
		acc("title", f.Title),
		acc("author", f.Author), out("author", f.Author),
		acc("date", f.Date), out("date", f.Date),
	}
}

const fieldsNote = "title: lowercase word tokens equal, or one inside the other with the shorter >= 60% of the longer; " +
	"author: every gold name token among the output's (at most 2n+2 tokens); date: same YYYY-MM-DD; " +
	"accuracy over pages with a gold value; 'output, no gold' counts pages that have none but got one"
