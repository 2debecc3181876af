package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/datelinehq/dateline"
)

// Snippets are cut here from the hits' texts rather than by FTS5's
// snippet(), which looked each hit up again through the match (merging
// every word of a prefix query again, once per hit) and tokenised its
// whole text in the slower C-to-Go translation: 8 ms for a page of
// "trump clinton", 100 ms for "tax*", against 1 ms here.

// snippetWords is the length of a search snippet in words.
const snippetWords = 28

// snippetChars bounds how far into a text a snippet looks for matches.
const snippetChars = 100_000

// snippets fills the hits' snippets: the stretch of snippetWords words of
// each text with the most of the query's words, or its opening words.
func (s *Store) snippets(ctx context.Context, terms []term, hits []dateline.SearchHit, window []windowRow) error {
	if len(hits) == 0 {
		return nil
	}
	byVersion := map[int64]int{}
	ids := make([]int64, len(hits))
	for i := range hits {
		ids[i] = window[i].version
		byVersion[ids[i]] = i
	}
	idJSON, _ := json.Marshal(ids)
	rows, err := s.read.QueryContext(ctx, `SELECT id, substr(text, 1, ?) FROM versions WHERE id IN (SELECT value FROM json_each(?))`,
		snippetChars, string(idJSON))
	if err != nil {
		return fmt.Errorf("snippets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return fmt.Errorf("snippets: %w", err)
		}
		if i, ok := byVersion[id]; ok {
			hits[i].Snippet = snippet(text, terms, snippetWords)
		}
	}
	return rows.Err()
}

// term is a word or phrase a hit contains, folded as the index folds it.
type term struct {
	words  []string
	prefix bool // the last word is a prefix
}

// queryTerms returns the words and phrases of a query that hits contain:
// all but the excluded ones.
func queryTerms(q string) []term {
	var out []term
	for _, t := range lexQuery(q) {
		if t.or || t.not {
			continue
		}
		var words []string
		for _, w := range strings.Fields(t.text) {
			words = append(words, fold(w))
		}
		out = append(out, term{words: words, prefix: t.prefix})
	}
	return out
}

// token is a word of a text, by its byte offsets.
type token struct {
	start, end int
	ascii      bool
}

// tokenize splits text into words as FTS5's unicode61 tokenizer does:
// runs of letters, digits, marks and private-use characters.
func tokenize(text string) []token {
	var out []token
	start, ascii := -1, true
	for i, r := range text {
		var word bool
		if r < utf8.RuneSelf {
			word = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		} else {
			word = unicode.In(r, unicode.L, unicode.N, unicode.Mn, unicode.Co)
		}
		switch {
		case word && start < 0:
			start, ascii = i, r < utf8.RuneSelf
		case word:
			ascii = ascii && r < utf8.RuneSelf
		case start >= 0:
			out = append(out, token{start, i, ascii})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, token{start, len(text), ascii})
	}
	return out
}

// fold lowers a word's case and removes its diacritics, as the index's
// tokenizer (remove_diacritics 2) does.
func fold(w string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(w)))
}

// matchAt reports whether t starts at toks[i] of text. ASCII words are
// compared without folding them first: most words of most texts are.
func (t term) matchAt(text string, toks []token, i int) bool {
	if i+len(t.words) > len(toks) {
		return false
	}
	for j, w := range t.words {
		tk := toks[i+j]
		got := text[tk.start:tk.end]
		if !tk.ascii {
			got = fold(got)
		}
		if j == len(t.words)-1 && t.prefix {
			if len(got) < len(w) || !strings.EqualFold(got[:len(w)], w) {
				return false
			}
		} else if !strings.EqualFold(got, w) {
			return false
		}
	}
	return true
}

// snippet returns the n words of text with the most distinct terms, then
// the most matches, starting a little before the first of them; matches
// are marked and cuts shown as "…".
func snippet(text string, terms []term, n int) []dateline.SnippetPart {
	toks := tokenize(text)
	if len(toks) == 0 {
		return nil
	}
	type hit struct{ at, len, term int }
	var hits []hit
	for i := range toks {
		for ti, t := range terms {
			if t.matchAt(text, toks, i) {
				hits = append(hits, hit{i, len(t.words), ti})
			}
		}
	}
	// Slide a window over the hits, each window starting n/4 words before
	// one of them, counting the terms it holds.
	start, best := 0, -1
	seen := make([]int, len(terms))
	distinct, lo, hi := 0, 0, 0
	for _, h := range hits {
		s := min(max(0, h.at-n/4), max(0, len(toks)-n))
		for ; hi < len(hits) && hits[hi].at < s+n; hi++ {
			if seen[hits[hi].term]++; seen[hits[hi].term] == 1 {
				distinct++
			}
		}
		for ; lo < hi && hits[lo].at < s; lo++ {
			if seen[hits[lo].term]--; seen[hits[lo].term] == 0 {
				distinct--
			}
		}
		if score := distinct*1000 + hi - lo; score > best {
			best, start = score, s
		}
	}
	end := min(len(toks), start+n)
	// The byte spans of the matches inside the window, in order, merged.
	var marks [][2]int
	for _, h := range hits {
		if h.at < start || h.at >= end {
			continue
		}
		m := [2]int{toks[h.at].start, toks[min(h.at+h.len, end)-1].end}
		if k := len(marks) - 1; k >= 0 && m[0] <= marks[k][1] {
			marks[k][1] = max(marks[k][1], m[1])
			continue
		}
		marks = append(marks, m)
	}
	from, to := toks[start].start, toks[end-1].end
	if start == 0 {
		from = 0
	}
	if end == len(toks) {
		to = len(text)
	}
	var out []dateline.SnippetPart
	plain := func(s string) {
		if s != "" {
			out = append(out, dateline.SnippetPart{Text: s})
		}
	}
	if start > 0 {
		plain("…")
	}
	at := from
	for _, m := range marks {
		plain(text[at:m[0]])
		out = append(out, dateline.SnippetPart{Text: text[m[0]:m[1]], Match: true})
		at = m[1]
	}
	plain(text[at:to])
	if end < len(toks) {
		plain("…")
	}
	return mergePlain(out)
}

// mergePlain joins neighbouring unmarked parts.
func mergePlain(parts []dateline.SnippetPart) []dateline.SnippetPart {
	var out []dateline.SnippetPart
	for _, p := range parts {
		if k := len(out) - 1; k >= 0 && !p.Match && !out[k].Match {
			out[k].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}
