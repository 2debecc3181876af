package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bylines name people, desks, agencies and sites alike ("TIS Desk",
// "By Jane Doe and John Roe, Reuters", "Staff Writer"). Only people become
// authors; the rest stays in the byline as printed. These are the words
// that mark a credit as not a person's name.
var nonPersonWords = setOf(
	"desk", "staff", "team", "bureau", "newsroom", "editor", "editors", "editorial", "editorials", "board",
	"agency", "agencies", "wire", "wires", "service", "services", "news", "network", "media", "online", "digital",
	"reuters", "ap", "afp", "pti", "ians", "ani", "dpa", "efe", "upi", "xinhua", "tass", "bloomberg",
	"associated", "press", "presse", "guest", "contributor", "contributors", "correspondent", "correspondents",
	"writer", "writers", "reporter", "reporters", "admin", "administrator", "webmaster", "redaktion", "rédaction",
	"group", "inc", "ltd", "llc", "gmbh", "company", "corp", "corporation", "limited", "foundation", "institute",
	"university", "magazine", "times", "post", "journal", "daily", "weekly", "herald", "tribune", "gazette",
	"radio", "tv", "television", "channel", "blog", "web", "support", "marketing", "communications", "pr",
	"unknown", "anonymous", "various", "multiple", "sources", "source", "content", "partner", "sponsored",
)

// bylinePrefixes are stripped from the front of a byline before parsing.
var bylinePrefixes = []string{"written by ", "posted by ", "reported by ", "story by ", "words by ", "text by ",
	"published by ", "written by: ", "written by:", "by: ", "by ", "von ", "par ", "por ", "di ", "door ", "av ", "autor: ", "author: ", "autor "}

// authorsFrom splits a byline into people's names. It returns nil when
// the credit names no person (a desk, an agency, a site).
func authorsFrom(byline string) []string {
	s := strings.TrimSpace(byline)
	lower := strings.ToLower(s)
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(lower, p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	// Cut what follows the names: "| Updated ...", " - Reuters", dates.
	if i := strings.IndexAny(s, "|•·\n"); i >= 0 {
		s = s[:i]
	}
	var out []string
	for _, part := range splitNames(s) {
		if name := cleanName(part); name != "" && isPersonName(name) {
			out = append(out, name)
		}
	}
	return dedupe(out)
}

// splitNames splits "A, B and C" into its names.
func splitNames(s string) []string {
	for _, sep := range []string{" and ", " & ", " und ", " et ", " y ", " e ", " with ", ";", ",", " / "} {
		s = strings.ReplaceAll(s, sep, "\x00")
	}
	return strings.Split(s, "\x00")
}

func cleanName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, " .:-–—@()[]")
	if i := strings.Index(s, "@"); i >= 0 {
		return ""
	}
	return normSpace(s)
}

// isPersonName reports whether s looks like a person's name: two to five
// words, each starting with a capital letter or being a name particle, no
// digits, and none of the words that mark desks and organisations.
func isPersonName(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 60 || strings.HasPrefix(s, "http") {
		return false
	}
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 5 {
		return false
	}
	caps := 0
	for _, w := range ws {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if nonPersonWords[lw] {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		for _, c := range w {
			if unicode.IsDigit(c) {
				return false
			}
		}
		switch {
		case unicode.IsUpper(r):
			caps++
		case nameParticles[lw]:
		default:
			return false
		}
	}
	if caps < 2 {
		return false
	}
	// ALL-CAPS credits ("TIS DESK") were caught above; an all-caps
	// personal name is still a name.
	return true
}

var nameParticles = setOf("van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn", "al", "el", "dos", "das", "ter", "ten", "y")

func dedupe(in []string) []string {
	seen := make(map[string]bool, len(in))
	out := in[:0]
	for _, s := range in {
		k := strings.ToLower(s)
		if !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// cleanByline trims a printed credit to its names part: the "By" before
// it, and the date, reading time and share buttons that follow it in the
// same element, are cut. It returns "" when nothing like a name is left.
func cleanByline(s string) string {
	s = normSpace(s)
	lower := strings.ToLower(s)
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(lower, p) {
			s = strings.TrimSpace(s[len(p):])
			lower = strings.ToLower(s)
			break
		}
	}
	// "byClemson News": a prefix glued to the name.
	if len(s) > 3 && strings.HasPrefix(s, "by") && s[2] >= 'A' && s[2] <= 'Z' {
		s, lower = s[2:], lower[2:]
	}
	cut := len(s)
	for _, m := range bylineEnds {
		if i := strings.Index(lower, m); i >= 0 && i < cut {
			cut = i
		}
	}
	if i := strings.IndexFunc(s, unicode.IsDigit); i >= 0 && i < cut {
		cut = i
	}
	if i := monthIndex(lower); i >= 0 && i < cut {
		cut = i
	}
	s = strings.Trim(s[:cut], " ,;:-–—/|•·")
	s = undouble(s)
	if s == "" || len(s) > 120 || junkBylines[strings.ToLower(s)] || !strings.ContainsFunc(s, unicode.IsLetter) {
		return ""
	}
	return s
}

// bylineEnds start the part of a byline element that is not the credit.
var bylineEnds = []string{" updated", "updated:", " published", "published:", "last updated", " posted on", " posted ",
	" share", " follow", " min read", " minute read", "read time", "reading time", " | ", " • ", " · ", " / ",
	" on ", " at ", " aktualisiert", " veröffentlicht", " mis à jour", " publié", " actualizado", "+ follow", " ago"}

// junkBylines are texts found in byline elements that credit no one.
var junkBylines = setOf("full bio", "the author", "author", "authors", "by", "admin", "staff", "bio", "about the author",
	"view all posts", "more", "follow", "contact", "email", "share", "posted", "written", "written by", "unknown", "guest")

var monthNames = []string{"january ", "february ", "march ", "april ", "may ", "june ", "july ", "august ", "september ",
	"october ", "november ", "december ", "jan ", "feb ", "mar ", "apr ", "jun ", "jul ", "aug ", "sep ", "sept ", "oct ",
	"nov ", "dec ", "jan. ", "feb. ", "aug. ", "sept. ", "oct. ", "nov. ", "dec. "}

// monthIndex finds a month name followed by a day number: the start of a
// date printed after a name.
func monthIndex(lower string) int {
	best := -1
	for _, m := range monthNames {
		for off := 0; ; {
			i := strings.Index(lower[off:], m)
			if i < 0 {
				break
			}
			i += off
			rest := lower[i+len(m):]
			if (i == 0 || lower[i-1] == ' ') && len(rest) > 0 && rest[0] >= '0' && rest[0] <= '9' {
				if best < 0 || i < best {
					best = i
				}
				break
			}
			off = i + len(m)
		}
	}
	return best
}

// undouble turns "A B A B" (a name printed twice, in a link and its
// tooltip) into "A B".
func undouble(s string) string {
	if len(s)%2 == 1 {
		h := len(s) / 2
		if s[h] == ' ' && s[:h] == s[h+1:] {
			return s[:h]
		}
	}
	return s
}
