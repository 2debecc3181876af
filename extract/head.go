package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// header is what the visible article header says: standfirst, byline and
// dateline place. It is read before furniture is pruned, since bylines and
// places sit in elements the pruning removes from the body.
type header struct {
	subtitle, byline, place string
}

var (
	bylineWords   = setOf("byline", "bylines", "author", "authors", "authorname", "writer", "contributor", "articleauthor", "postauthor", "entryauthor", "bylinename", "authorlink")
	placeWords    = setOf("dateline", "location", "place", "city", "articlelocation")
	subtitleWords = setOf("standfirst", "dek", "subtitle", "subheadline", "subhead", "subheading", "strapline", "summary", "excerpt", "lede", "lead", "intro", "teaser", "articlesummary", "deck", "kicker", "description", "abstract")
)

func readHeader(body *html.Node, h1 *html.Node) header {
	var h header
	// A page repeats its class names from element to element: each is
	// split into words once.
	kinds := map[string]int{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || junkTags[c.DataAtom] && c.DataAtom != atom.Header && c.DataAtom != atom.Footer {
				continue
			}
			ci := classID(c)
			k, ok := kinds[ci]
			if !ok {
				k = classKinds(ci)
				kinds[ci] = k
			}
			if k&kindComment != 0 {
				continue
			}
			h.consider(c, h1, k)
			if h.byline != "" && h.place != "" && h.subtitle != "" {
				return
			}
			walk(c)
		}
	}
	walk(body)
	return h
}

// Kinds of header element named by a class or id, found in one pass over
// the names.
const (
	kindByline = 1 << iota
	kindPlace
	kindSubtitle
	kindComment
)

// classKinds returns the kinds the words of a classID name.
func classKinds(ci string) int {
	if ci == "" {
		return 0
	}
	k := 0
	words(ci, func(w string) bool {
		switch {
		case bylineWords[w]:
			k |= kindByline
		case placeWords[w]:
			k |= kindPlace
		case subtitleWords[w]:
			k |= kindSubtitle
		case w == "comment" || w == "comments" || w == "commentlist" || w == "disqus":
			k |= kindComment
		}
		return false
	})
	return k
}

func (h *header) consider(n *html.Node, h1 *html.Node, k int) {
	if h.byline == "" && (k&kindByline != 0 || hasToken(attr(n, "rel"), "author") || strings.EqualFold(attr(n, "itemprop"), "author") || isAuthorLink(n)) {
		if t, ok := shortText(n, 150); ok && len(t) > 1 {
			if b := cleanByline(t); b != "" && !isBoilerLine(b) {
				h.byline = b
			}
		}
	}
	// "By Jane Doe" or "by: Jane Doe, Dec 17" printed in a plain
	// paragraph under the headline.
	if h.byline == "" && h1 != nil && (n.DataAtom == atom.P || n.DataAtom == atom.Div || n.DataAtom == atom.Span) && startsWithByNode(n) {
		if t, ok := shortText(n, 120); ok && len(t) > 4 && startsWithBy(t) && follows(n, h1) {
			if b := cleanByline(t); b != "" {
				h.byline = b
			}
		}
	}
	if h.place == "" && k&kindPlace != 0 {
		if t, ok := shortText(n, 60); ok {
			if t = strings.Trim(t, " |,-–—"); len(t) > 1 {
				h.place = t
			}
		}
	}
	if h.subtitle == "" && h1 != nil && k&kindSubtitle != 0 && follows(n, h1) {
		if t, ok := shortText(n, 700); ok && len(t) >= 30 {
			h.subtitle = t
		}
	}
}

// startsWithByNode is a cheap test of an element's first text for a "By"
// credit, made before reading its whole text.
func startsWithByNode(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.FirstChild {
		if c.Type == html.TextNode {
			t := strings.TrimLeft(c.Data, " \t\r\n")
			if t == "" && c.NextSibling != nil {
				c = c.NextSibling
				if c.Type == html.TextNode {
					t = strings.TrimLeft(c.Data, " \t\r\n")
				} else {
					continue
				}
			}
			return len(t) >= 2 && (t[0] == 'B' || t[0] == 'b' || t[0] == 'W' || t[0] == 'w' || t[0] == 'V' || t[0] == 'v' || t[0] == 'P' || t[0] == 'p')
		}
		if c.Type != html.ElementNode {
			return false
		}
	}
	return false
}

// follows reports whether n comes after h1 in document order and near it:
// within h1's grandparent.
func follows(n, h1 *html.Node) bool {
	area := h1.Parent
	if area != nil && area.Parent != nil && area.DataAtom != atom.Body {
		area = area.Parent
	}
	if area == nil || !isAncestor(area, n) {
		return false
	}
	for s := h1.NextSibling; s != nil; s = s.NextSibling {
		if isAncestor(s, n) {
			return true
		}
	}
	for p := h1.Parent; p != nil && p != area; p = p.Parent {
		for s := p.NextSibling; s != nil; s = s.NextSibling {
			if isAncestor(s, n) {
				return true
			}
		}
	}
	return false
}

// isCommentArea reports whether n holds reader comments, whose "author"
// elements are commenters, not the article's byline.
func isCommentArea(n *html.Node) bool {
	ci := classID(n)
	if ci == "" {
		return false
	}
	return words(ci, func(w string) bool { return w == "comment" || w == "comments" || w == "commentlist" || w == "disqus" })
}

// authorPaths are URL path parts of author profile pages.
var authorPaths = []string{"/author/", "/authors/", "/autor/", "/autoren/", "/auteur/", "/people/", "/staff/",
	"/writers/", "/writer/", "/contributors/", "/contributor/", "/profile/", "/profiles/", "/journalist/", "/team/", "/by/"}

// isAuthorLink reports whether n is a link to an author's profile page
// whose text reads like a name.
func isAuthorLink(n *html.Node) bool {
	if n.DataAtom != atom.A {
		return false
	}
	href := strings.ToLower(attr(n, "href"))
	found := false
	for _, p := range authorPaths {
		if strings.Contains(href, p) {
			found = true
			break
		}
	}
	if !found || isCommentAreaUp(n) {
		return false
	}
	t := textOf(n)
	w := len(strings.Fields(t))
	return w >= 1 && w <= 5 && len(t) < 60
}

// isCommentAreaUp reports whether n sits inside reader comments.
func isCommentAreaUp(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && isCommentArea(a) {
			return true
		}
	}
	return false
}

func startsWithBy(t string) bool {
	l := strings.ToLower(t)
	return strings.HasPrefix(l, "by ") || strings.HasPrefix(l, "by: ") || strings.HasPrefix(l, "written by") ||
		strings.HasPrefix(l, "von ") || strings.HasPrefix(l, "par ") || strings.HasPrefix(l, "por ")
}
