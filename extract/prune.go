package extract

import (
	"log/slog"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nodeStats are the text measures of one element's subtree.
type nodeStats struct {
	text  int // bytes of visible text
	link  int // bytes of that text inside links
	paras int // paragraph-like blocks of 80+ bytes below
}

// measure computes nodeStats for every element below n, bottom-up, in one
// walk, and returns n's own.
func measure(n *html.Node, st map[*html.Node]*nodeStats, inLink bool) nodeStats {
	var s nodeStats
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			l := trimmedLen(c.Data)
			s.text += l
			if inLink {
				s.link += l
			}
		case html.ElementNode:
			if junkTags[c.DataAtom] {
				continue
			}
			cs := measure(c, st, inLink || c.DataAtom == atom.A)
			s.text += cs.text
			s.link += cs.link
			s.paras += cs.paras
			if (c.DataAtom == atom.P || c.DataAtom == atom.Pre || c.DataAtom == atom.Blockquote) && cs.text >= 80 {
				s.paras++
			}
		}
	}
	st[n] = &s
	return s
}

// trimmedLen is the length of s without leading and trailing white space.
func trimmedLen(s string) int {
	i, j := 0, len(s)
	for i < j && isSpaceByte(s[i]) {
		i++
	}
	for j > i && isSpaceByte(s[j-1]) {
		j--
	}
	return j - i
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

// prune removes page furniture from the tree below n: junk tags, hidden
// elements, ARIA landmarks of navigation, and elements whose class or id
// names furniture. An element holding more than a third of the page's text
// is never removed by its name alone, so a "has-sidebar" body class
// cannot take the article with it.
func prune(n *html.Node, st map[*html.Node]*nodeStats, pageText int, inArticle bool, log *slog.Logger) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.CommentNode {
			n.RemoveChild(c)
		} else if c.Type == html.ElementNode {
			if isJunk(c, st, pageText, inArticle) {
				if s := st[c]; s != nil && s.text > 500 {
					log.Debug("pruned", "tag", c.Data, "class", classID(c), "text", s.text, "paras", s.paras)
				}
				n.RemoveChild(c)
			} else {
				prune(c, st, pageText, inArticle || c.DataAtom == atom.Article || c.DataAtom == atom.Main, log)
			}
		}
		c = next
	}
}

func isJunk(n *html.Node, st map[*html.Node]*nodeStats, pageText int, inArticle bool) bool {
	if junkTags[n.DataAtom] {
		return true
	}
	if n.DataAtom == atom.Header && !inArticle {
		// A page header is logo and menus; a header holding paragraphs
		// of prose is the article's introduction.
		if s := st[n]; s == nil || s.paras < 2 || s.link*2 > s.text {
			return true
		}
	}
	// Hidden elements are menus and pop-ups, except where a server
	// streams the article into a hidden element that a script reveals
	// (React's <div hidden id="S:0">): those hold many paragraphs.
	if hasAttr(n, "hidden") && isStreamedSegment(n) {
		return false
	}
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" || hiddenStyle(attr(n, "style")) {
		if s := st[n]; s == nil || s.paras < 3 {
			return true
		}
	}
	if r := attr(n, "role"); r != "" && junkRoles[strings.ToLower(r)] {
		return true
	}
	if n.DataAtom == atom.Article || n.DataAtom == atom.Main || n.DataAtom == atom.Body {
		return false
	}
	ci := classID(n)
	if ci == "" {
		return false
	}
	s := st[n]
	if s == nil {
		return false
	}
	if s.text*3 > pageText && pageText > 500 {
		return false
	}
	small := s.text < 400 && s.paras < 2
	return words(ci, func(w string) bool {
		if !junkWords[w] {
			return false
		}
		if softJunkWords[w] && !small {
			return false
		}
		// A container of several real paragraphs named "comment" or
		// "related" is furniture; one named "content-share-wrapper" that
		// holds the article is not. Require low paragraph count.
		return s.paras < 3 || float64(s.link) > 0.3*float64(s.text)
	})
}

func hiddenStyle(style string) bool {
	if style == "" {
		return false
	}
	s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

// isStreamedSegment reports whether n is a segment of a page that React
// streams from the server hidden (id "S:0", "S:1"...) and a script moves
// into place: it is page content, not a hidden menu.
func isStreamedSegment(n *html.Node) bool {
	id := attr(n, "id")
	return len(id) > 2 && (id[0] == 'S' || id[0] == 'B') && id[1] == ':'
}
