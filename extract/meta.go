package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metadata is what the page states about itself outside its visible body:
// <title>, <meta> tags, <link rel=canonical>, the lang attribute and
// JSON-LD. It is gathered in one walk over the document.
type metadata struct {
	docTitle  string
	lang      string
	canonical string
	// metas maps a lowercased meta name, property or itemprop to the
	// first non-empty content given for it.
	metas  map[string]string
	jsonld ldArticle
	// h1s are the page's top-level headings in document order.
	h1s []*html.Node
}

func readMeta(doc *html.Node) *metadata {
	m := &metadata{metas: make(map[string]string, 32)}
	m.walk(doc)
	return m
}

func (m *metadata) walk(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Html:
			if m.lang == "" {
				m.lang = attr(n, "lang")
			}
			if m.lang == "" {
				m.lang = attr(n, "xml:lang")
			}
		case atom.Title:
			if m.docTitle == "" && (n.Parent == nil || n.Parent.DataAtom != atom.Svg) {
				m.docTitle = textOf(n)
			}
			return
		case atom.Meta:
			m.addMeta(n)
			return
		case atom.Link:
			if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
				m.canonical = strings.TrimSpace(attr(n, "href"))
			}
			return
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				m.jsonld.merge(parseJSONLD(n.FirstChild.Data))
			}
			return
		case atom.Style, atom.Svg, atom.Noscript, atom.Template:
			return
		case atom.H1:
			m.h1s = append(m.h1s, n)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.walk(c)
	}
}

func (m *metadata) addMeta(n *html.Node) {
	var key, content string
	for _, a := range n.Attr {
		switch a.Key {
		case "name", "property", "itemprop", "http-equiv":
			if key == "" {
				key = a.Val
			}
		case "content":
			content = a.Val
		}
	}
	key = strings.ToLower(strings.TrimSpace(key))
	content = normSpace(html.UnescapeString(content))
	if key == "" || content == "" {
		return
	}
	if key == "article:tag" || key == "og:article:tag" {
		// Several tags each get their own meta element; keep them all.
		if old, ok := m.metas[key]; ok {
			m.metas[key] = old + "\x00" + content
			return
		}
	}
	if _, ok := m.metas[key]; !ok {
		m.metas[key] = content
	}
}

// first returns the first non-empty meta among keys, and the provenance
// label "meta:KEY" for it.
func (m *metadata) first(keys ...string) (string, string) {
	for _, k := range keys {
		if v := m.metas[k]; v != "" {
			return v, "meta:" + k
		}
	}
	return "", ""
}

// hasToken reports whether a space-separated attribute holds tok.
func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
