package sqlite

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
)

// ftsQuery turns what a person types into an FTS5 MATCH expression, so
// that no input can reach FTS5's own syntax: every word and phrase is
// quoted. It understands words (all required), "phrases", OR between two
// terms, a trailing * for a prefix, and -term to exclude. It returns
// dateline.ErrInvalid over MaxQueryBytes or MaxQueryTerms, or when only
// exclusions are given.
func ftsQuery(q string) (string, error) {
	if len(q) > dateline.MaxQueryBytes {
		return "", fmt.Errorf("%w: query longer than %d bytes", dateline.ErrInvalid, dateline.MaxQueryBytes)
	}
	toks := lexQuery(q)
	var (
		groups   [][]string // AND of ORs
		excluded []string
		terms    int
		orNext   bool
	)
	for _, t := range toks {
		if t.or {
			orNext = len(groups) > 0
			continue
		}
		terms++
		if terms > dateline.MaxQueryTerms {
			return "", fmt.Errorf("%w: more than %d terms", dateline.ErrInvalid, dateline.MaxQueryTerms)
		}
		s := quoteFTS(t.text)
		if t.prefix {
			s += "*"
		}
		switch {
		case t.not:
			excluded = append(excluded, s)
		case orNext:
			groups[len(groups)-1] = append(groups[len(groups)-1], s)
		default:
			groups = append(groups, []string{s})
		}
		orNext = false
	}
	if len(groups) == 0 {
		if len(excluded) > 0 {
			return "", fmt.Errorf("%w: a query needs a term that is not excluded", dateline.ErrInvalid)
		}
		return "", nil
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = g[0]
		if len(g) > 1 {
			parts[i] = "(" + strings.Join(g, " OR ") + ")"
		}
	}
	expr := strings.Join(parts, " AND ")
	if len(excluded) > 0 {
		expr = "(" + expr + ") NOT (" + strings.Join(excluded, " OR ") + ")"
	}
	return expr, nil
}

type queryToken struct {
	text    string
	or, not bool
	prefix  bool
}

// lexQuery splits a query into words, quoted phrases and OR. Words keep
// only letters, digits and inner apostrophes or hyphens; what FTS5's
// tokenizer would drop anyway is dropped here.
func lexQuery(q string) []queryToken {
	var out []queryToken
	rs := []rune(q)
	for i := 0; i < len(rs); {
		r := rs[i]
		if unicode.IsSpace(r) {
			i++
			continue
		}
		not := false
		if r == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			not = true
			i++
			r = rs[i]
		}
		if r == '"' || r == '“' || r == '”' {
			j := i + 1
			for j < len(rs) && rs[j] != '"' && rs[j] != '“' && rs[j] != '”' {
				j++
			}
			phrase := strings.Join(strings.FieldsFunc(string(rs[i+1:min(j, len(rs))]), notWordRune), " ")
			if phrase != "" {
				out = append(out, queryToken{text: phrase, not: not})
			}
			i = j + 1
			continue
		}
		j := i
		for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' {
			j++
		}
		raw := string(rs[i:j])
		i = j
		if raw == "OR" && !not {
			out = append(out, queryToken{or: true})
			continue
		}
		prefix := strings.HasSuffix(raw, "*")
		word := strings.Join(strings.FieldsFunc(raw, notWordRune), " ")
		if word == "" {
			continue
		}
		prefix = prefix && !strings.Contains(word, " ") && utf8.RuneCountInString(word) >= minPrefix
		out = append(out, queryToken{text: word, not: not, prefix: prefix})
	}
	return out
}

// minPrefix is the shortest prefix searched as one: FTS5 merges the
// index entries of every word a prefix starts, once to find the matches,
// once more for BM25 and once to count them, so "a*" took 4 s at 100,000
// articles and "con*" 0.6 s; "tax*" takes 25 ms. A shorter one is
// searched as a word.
const minPrefix = 3

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }

// quoteFTS makes s an FTS5 string: double quotes doubled.
func quoteFTS(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
