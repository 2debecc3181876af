package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// placeStreamed puts server-streamed content where the browser would show
// it. React's streaming renderer sends a page with placeholders
// (<template id="B:1">, or id="P:1" for a pending segment) and, later in the same response, the content in
// hidden elements (<div hidden id="S:1">) that a script moves into place.
// Without the script the article sits in hidden fragments at the end of
// <body>, in pieces; moving each fragment to its placeholder restores the
// article as one block in reading order.
func placeStreamed(doc *html.Node) {
	holes := map[string]*html.Node{}
	var parts []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			id := attr(c, "id")
			if len(id) > 2 && id[1] == ':' {
				switch {
				case (id[0] == 'B' || id[0] == 'P') && c.DataAtom == atom.Template:
					holes[id[2:]] = c
					continue
				case id[0] == 'S' && hasAttr(c, "hidden"):
					parts = append(parts, c)
				}
			}
			walk(c)
		}
	}
	walk(doc)
	// Drop every fallback first, while all placeholders still mark where
	// one fallback ends and the next boundary begins.
	for _, s := range parts {
		if hole := holes[attr(s, "id")[2:]]; hole != nil && attr(hole, "id")[0] == 'B' {
			dropFallback(hole, s)
		}
	}
	// Segments fill placeholders inside other segments, so placing them
	// in document order may leave some for a second round.
	for round := 0; round < 3 && len(parts) > 0; round++ {
		parts = placeParts(parts, holes)
	}
}

// dropFallback removes the fallback ("Loading…") that follows a
// boundary's placeholder up to the <!--/$--> comment that closes it, or
// the next placeholder; React drops it when the content arrives.
func dropFallback(hole, segment *html.Node) {
	parent := hole.Parent
	if parent == nil {
		return
	}
	for f := hole.NextSibling; f != nil; {
		next := f.NextSibling
		if f.Type == html.CommentNode && f.Data == "/$" || f.Type == html.ElementNode && (isAncestor(f, segment) || f.DataAtom == atom.Template) {
			return
		}
		parent.RemoveChild(f)
		f = next
	}
}

// placeParts moves each segment into its placeholder and returns those
// whose placeholder is not in the document yet.
func placeParts(parts []*html.Node, holes map[string]*html.Node) []*html.Node {
	var left []*html.Node
	for _, s := range parts {
		hole := holes[attr(s, "id")[2:]]
		if hole == nil || hole.Parent == nil {
			continue
		}
		if isAncestor(s, hole) {
			left = append(left, s)
			continue
		}
		parent := hole.Parent
		for c := s.FirstChild; c != nil; {
			next := c.NextSibling
			s.RemoveChild(c)
			parent.InsertBefore(c, hole)
			c = next
		}
		parent.RemoveChild(hole)
		if s.Parent != nil {
			s.Parent.RemoveChild(s)
		}
	}
	return left
}
