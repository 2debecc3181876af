package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/pubdate"
)

// Text extracts an article from a plain-text scrape: a page copied or
// scraped to text with its furniture still in it ("Follow Us:",
// "Advertisement"). The layout read is the one such scrapes share: the
// headline first, then optionally a standfirst, then a credit line
// ("TIS Desk | Alaska | 16 Aug 2025"), then the body.
func Text(data []byte, opts Options) (*dateline.Article, error) {
	src, err := toUTF8(data, opts.ContentType)
	if err != nil {
		return nil, err
	}
	paras := textParagraphs(src)
	if len(paras) == 0 {
		return nil, ErrNoContent
	}
	a := &dateline.Article{URL: opts.URL, Authors: []string{}, Provenance: map[string]string{}}
	credit := -1
	for i, p := range paras[:min(len(paras), 6)] {
		if c, ok := parseCredit(p); ok {
			credit = i
			applyCredit(a, c)
			break
		}
	}
	body := paras
	switch {
	case credit > 0:
		a.Title, a.Provenance["title"] = paras[0], "text"
		if credit > 1 {
			a.Subtitle, a.Provenance["subtitle"] = strings.Join(paras[1:credit], " "), "text"
		}
		body = paras[credit+1:]
	case credit == 0:
		body = paras[1:]
	default:
		if isHeadline(paras[0]) && len(paras) > 1 {
			a.Title, a.Provenance["title"] = paras[0], "text"
			body = paras[1:]
		}
	}
	sub := foldTitle(a.Subtitle)
	for _, p := range body {
		if sub != "" && len(a.Paragraphs) == 0 && foldTitle(p) == sub {
			continue // the standfirst repeated as the lede; further down it is kept in place
		}
		a.Paragraphs = append(a.Paragraphs, p)
	}
	if len(a.Paragraphs) == 0 {
		return nil, ErrNoContent
	}
	finish(a)
	return a, nil
}

// textParagraphs splits a scrape into paragraphs — blocks between blank
// lines, or lines where the scrape has no blank lines — and drops
// furniture lines.
func textParagraphs(src string) []string {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n")
	var chunks []string
	if strings.Contains(src, "\n\n") {
		chunks = strings.Split(src, "\n\n")
	} else {
		chunks = strings.Split(src, "\n")
	}
	out := make([]string, 0, len(chunks))
	for _, c := range chunks {
		// A block may still hold furniture lines of its own.
		var keep []string
		for _, line := range strings.Split(c, "\n") {
			line = normSpace(line)
			if line == "" || isBoilerLine(line) {
				continue
			}
			keep = append(keep, line)
		}
		if len(keep) > 0 {
			out = append(out, strings.Join(keep, " "))
		}
	}
	return out
}

// credit is a parsed credit line.
type credit struct {
	byline, place, date string
}

// parseCredit reads a credit line: "TIS Desk | Alaska |", "By Jane Doe |
// Washington | Aug 16, 2025", "By Jane Doe, Reuters". It reports false
// for a line that is not one.
func parseCredit(line string) (credit, bool) {
	if utf8.RuneCountInString(line) > 160 {
		return credit{}, false
	}
	var c credit
	parts := strings.Split(line, "|")
	if len(parts) == 1 {
		if !startsWithBy(line) {
			return credit{}, false
		}
		c.byline = cleanByline(line)
		return c, c.byline != ""
	}
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if d, ok := pubdate.Parse(p); ok && c.date == "" {
			c.date = d
			continue
		}
		switch {
		case i == 0:
			c.byline = cleanByline(p)
		case c.place == "" && isPlaceName(p):
			c.place = p
		default:
			// Anything else (a sentence, a second name) means this is
			// not a credit line but text that happens to hold a bar.
			return credit{}, false
		}
	}
	if c.byline == "" || !isCreditName(c.byline) {
		return credit{}, false
	}
	return c, true
}

func applyCredit(a *dateline.Article, c credit) {
	a.Byline, a.Provenance["byline"] = c.byline, "text"
	if people := authorsFrom(c.byline); len(people) > 0 {
		a.Authors, a.Provenance["authors"] = people, "text"
	}
	if c.place != "" {
		a.Dateline, a.Provenance["dateline"] = c.place, "text"
	}
	if c.date != "" {
		a.Published, a.Provenance["published"] = c.date, "text"
	}
}

// isCreditName reports whether s can be a credit: a person's name or a
// desk, agency or site name — a few capitalised words.
func isCreditName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 8 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r >= 'A' && r <= 'Z' || r > utf8.RuneSelf
}

// isPlaceName reports whether s reads like a dateline place: one to four
// capitalised words without sentence punctuation.
func isPlaceName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 4 || strings.ContainsAny(s, ".!?:;") {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !(r >= 'A' && r <= 'Z' || r > utf8.RuneSelf) {
			return false
		}
	}
	return true
}

// isHeadline reports whether a first paragraph reads like a headline:
// short and not ending a sentence with a full stop.
func isHeadline(p string) bool {
	n := utf8.RuneCountInString(p)
	return n >= 3 && n <= 200 && !strings.HasSuffix(p, ".")
}
