package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// titleSeps separate a headline from the site name in <title> and og:title.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // ", " ~ ", " : "}

// splitTitle splits "Headline | Site" into its headline and site parts.
// The headline is the longest part; site is the part at either end when
// the title was split, else "".
func splitTitle(t string) (headline, site string) {
	for _, sep := range titleSeps {
		if !strings.Contains(t, sep) {
			continue
		}
		parts := strings.Split(t, sep)
		longest := 0
		for i, p := range parts {
			if utf8.RuneCountInString(p) > utf8.RuneCountInString(parts[longest]) {
				longest = i
			}
		}
		switch longest {
		case 0:
			return strings.TrimSpace(strings.Join(parts[:len(parts)-1], sep)), strings.TrimSpace(parts[len(parts)-1])
		case len(parts) - 1:
			return strings.TrimSpace(strings.Join(parts[1:], sep)), strings.TrimSpace(parts[0])
		default:
			return strings.TrimSpace(parts[longest]), ""
		}
	}
	return t, ""
}

// pickTitle chooses the headline. A visible <h1> that agrees with the
// page's declared title wins, since it is what readers see; otherwise the
// declared titles are tried in order of reliability.
func pickTitle(m *metadata) (title, from string, h1 *html.Node) {
	declared := []struct{ v, from string }{
		{m.metas["og:title"], "meta:og:title"},
		{m.jsonld.headline, "json-ld"},
		{m.metas["twitter:title"], "meta:twitter:title"},
		{m.metas["headline"], "meta:headline"},
		{m.docTitle, "title"},
	}
	for _, h := range m.h1s {
		t := textOf(h)
		if t == "" || len(t) > 400 {
			continue
		}
		for _, d := range declared {
			if d.v != "" && sameTitle(t, d.v) {
				return t, "h1", h
			}
		}
	}
	for _, d := range declared {
		if d.v == "" {
			continue
		}
		t, _ := splitTitle(d.v)
		if d.from == "json-ld" || d.from == "meta:headline" {
			t = d.v
		}
		return t, d.from, nil
	}
	if len(m.h1s) > 0 {
		if t := textOf(m.h1s[0]); t != "" {
			return t, "h1", m.h1s[0]
		}
	}
	return "", "", nil
}

// sameTitle reports whether a heading is the declared title, allowing the
// declared one to carry a site name.
func sameTitle(h, declared string) bool {
	a, b := foldTitle(h), foldTitle(declared)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if len(a) >= 15 && strings.Contains(b, a) && len(a)*10 >= len(b)*5 {
		return true
	}
	hb, _ := splitTitle(declared)
	return foldTitle(hb) == a
}

// foldTitle lowercases and keeps letters and digits only, so curly and
// straight quotes or dashes do not make two titles differ.
func foldTitle(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 && isLetterOrDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
