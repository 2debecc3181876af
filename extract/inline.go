package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// junkElement reports an element whose text is never the article's: one
// of junkTags that is not furniture (furniture is judged by its prose),
// except a button set inline in running prose — "said MIT Sloan
// professor <button>Thomas W. Malone,</button> the founding director" —
// which some sites use to open a side note on a name, and whose text is
// part of the sentence.
func junkElement(n *html.Node) bool {
	return junkTags[n.DataAtom] && !furnitureTags[n.DataAtom] && !inlineButton(n)
}

// inlineButton reports a button that is a part of a sentence.
func inlineButton(n *html.Node) bool { return n.DataAtom == atom.Button && inlineInProse(n) }

// inlineInProse reports an element with words on both sides of it in
// its parent, and a short text of its own: a part of a sentence.
func inlineInProse(n *html.Node) bool {
	words := func(s *html.Node) bool {
		return s != nil && s.Type == html.TextNode && strings.ContainsFunc(s.Data, unicode.IsLetter)
	}
	if !words(n.PrevSibling) || !words(n.NextSibling) {
		return false
	}
	own := textLen(n)
	return own > 0 && own <= 80
}

// textLen counts the bytes of n's text nodes, stopping past 80.
func textLen(n *html.Node) int {
	total := 0
	for c := n.FirstChild; c != nil && total <= 80; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			total += len(strings.TrimSpace(c.Data))
		case html.ElementNode:
			total += textLen(c)
		}
	}
	return total
}
