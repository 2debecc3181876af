package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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
	// No heading agrees with the declared titles: declared titles are
	// often written for search engines, so a visible headline wins
	// unless it is the site's name in a logo.
	if h := visibleHeadline(m); h != nil {
		return textOf(h), "h1", h
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

// visibleHeadline returns the first <h1> that reads like a headline: not
// the site name, not inside the page header or navigation, of headline
// length.
func visibleHeadline(m *metadata) *html.Node {
	site := foldTitle(m.metas["og:site_name"])
	_, titleSite := splitTitle(m.docTitle)
	for _, h := range m.h1s {
		t := textOf(h)
		n := utf8.RuneCountInString(t)
		if n < 10 || n > 300 {
			continue
		}
		f := foldTitle(t)
		if f == site || f == foldTitle(titleSite) {
			continue
		}
		if inFurniture(h) {
			continue
		}
		return h
	}
	return nil
}

// inFurniture reports whether n sits in the page header, navigation or
// footer.
func inFurniture(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		switch a.DataAtom {
		case atom.Nav, atom.Footer, atom.Aside:
			return true
		case atom.Header:
			if a.Parent != nil && a.Parent.DataAtom == atom.Body {
				return true
			}
		case atom.Article, atom.Main:
			return false
		}
	}
	return false
}
