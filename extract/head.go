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
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || junkTags[c.DataAtom] && c.DataAtom != atom.Header && c.DataAtom != atom.Footer {
				continue
			}
			if isCommentArea(c) {
				continue
			}
			h.consider(c, h1)
			if h.byline != "" && h.place != "" && h.subtitle != "" {
				return
			}
			walk(c, depth+1)
		}
	}
	walk(body, 0)
	return h
}

func (h *header) consider(n *html.Node, h1 *html.Node) {
	ci := classID(n)
	rel := attr(n, "rel")
	ip := strings.ToLower(attr(n, "itemprop"))
	if h.byline == "" && (hasToken(rel, "author") || ip == "author" || ci != "" && words(ci, func(w string) bool { return bylineWords[w] }) || isAuthorLink(n)) {
		if t, ok := shortText(n, 150); ok && len(t) > 1 {
			if b := cleanByline(t); b != "" && !isBoilerLine(b) {
				h.byline = b
			}
		}
	}
	// "By Jane Doe" or "by: Jane Doe, Dec 17" printed in a plain
	// paragraph under the headline.
	if h.byline == "" && h1 != nil && (n.DataAtom == atom.P || n.DataAtom == atom.Div || n.DataAtom == atom.Span) && n.FirstChild != nil {
		if t, ok := shortText(n, 120); ok && len(t) > 4 && startsWithBy(t) && follows(n, h1) {
			if b := cleanByline(t); b != "" {
				h.byline = b
			}
		}
	}
	if h.place == "" && ci != "" && words(ci, func(w string) bool { return placeWords[w] }) {
		if t, ok := shortText(n, 60); ok {
			if t = strings.Trim(t, " |,-–—"); len(t) > 1 {
				h.place = t
			}
		}
	}
	if h.subtitle == "" && h1 != nil && ci != "" && words(ci, func(w string) bool { return subtitleWords[w] }) && follows(n, h1) {
		if t, ok := shortText(n, 700); ok && len(t) >= 30 {
			h.subtitle = t
		}
	}
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
