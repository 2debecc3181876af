package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/ingest"
)

// standIn is a crude analyser used only to fill the entity, mention and
// quote tables to a realistic size: runs of two or three capitalised words
// are PERSON entities, and text between curly or straight double quotes is
// a quote by the entity named last before it. It is not meant to be right.
func standIn(a dateline.Article) dateline.Analysis {
	an := ingest.NoAnalysis(a)
	an.Analysed = true
	ids := map[string]string{}
	byID := map[string]int{}
	words := strings.Fields(a.Text)
	last := ""
	offset := 0 // code points before the current word (approximate)
	for i := 0; i < len(words); i++ {
		j := i
		for j < len(words) && j-i < 3 && capitalised(words[j]) {
			j++
		}
		if j-i >= 2 {
			name := strings.TrimRight(strings.Join(words[i:j], " "), ".,;:’'\"”")
			id, ok := ids[name]
			if !ok && len(ids) < 25 {
				id = fmt.Sprintf("e%d", len(ids)+1)
				ids[name] = id
				byID[id] = len(an.Entities)
				an.Entities = append(an.Entities, dateline.Entity{ID: id, Name: name, Type: "PERSON"})
			}
			if id != "" {
				e := &an.Entities[byID[id]]
				e.Mentions = append(e.Mentions, dateline.Span{Text: name, Start: offset, End: offset + utf8.RuneCountInString(name)})
				last = id
			}
		}
		offset += utf8.RuneCountInString(words[i]) + 1
	}
	for _, q := range quotes(a.Text) {
		if len(an.Quotes) >= 10 {
			break
		}
		q.Speaker = last
		an.Quotes = append(an.Quotes, q)
	}
	return an
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && len(w) > 1
}

// quotes finds “…” spans of at least five words.
func quotes(text string) []dateline.Quote {
	var out []dateline.Quote
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '“' {
			continue
		}
		for j := i + 1; j < len(rs) && j < i+600; j++ {
			if rs[j] == '”' {
				s := string(rs[i+1 : j])
				if len(strings.Fields(s)) >= 5 {
					out = append(out, dateline.Quote{Text: s, Start: i + 1, End: j})
				}
				i = j
				break
			}
		}
	}
	return out
}
