package extract

import (
	"context"
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
			if junkElement(c) {
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
	if p := st[n]; p != nil {
		*p = s // measured again after pruning: the entry is reused
	} else {
		p := s
		st[n] = &p
	}
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
				if s := st[c]; s != nil && s.text > 500 && log.Enabled(context.Background(), slog.LevelDebug) {
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
	if junkElement(n) {
		return true
	}
	s := st[n]
	if s == nil {
		return true
	}
	// Prose — several paragraphs with few links — survives every rule
	// below but comment sections: pages put articles inside <nav>,
	// role=tablist and "sidebar-content" elements more often than one
	// would think.
	prose := s.paras >= 3 && s.link*10 < s.text*3
	if furnitureTags[n.DataAtom] {
		return !prose
	}
	if n.DataAtom == atom.Header && !inArticle {
		return !prose || s.link*2 > s.text
	}
	if hasAttr(n, "hidden") && isStreamedSegment(n) {
		return false
	}
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" || hiddenStyle(attr(n, "style")) {
		// Scripts reveal wrappers that start hidden; a hidden element
		// with many paragraphs is such a wrapper, however many links
		// its text carries.
		return !prose && s.paras < 5
	}
	if r := attr(n, "role"); r != "" && junkRoles[strings.ToLower(r)] {
		return !prose
	}
	if n.DataAtom == atom.Article || n.DataAtom == atom.Main || n.DataAtom == atom.Body {
		return false
	}
	ci := classID(n)
	if ci == "" {
		return false
	}
	if s.text*10 > pageText*6 && pageText > 500 {
		return false
	}
	small := s.text < 400 && s.paras < 2
	return words(ci, func(w string) bool {
		if !junkWords[w] {
			return false
		}
		if softJunkWords[w] {
			return small
		}
		// Reader comments are prose too, so they go by name alone,
		// unless the element also holds the headline.
		if commentWords[w] {
			return s.text*3 < pageText || !hasHeadline(n)
		}
		return !prose
	})
}

func hasHeadline(n *html.Node) bool {
	return findFirst(n, func(c *html.Node) bool { return c.DataAtom == atom.H1 }) != nil
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
