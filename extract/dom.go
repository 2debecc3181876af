package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// attr returns the value of an element's attribute, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether an element carries an attribute at all.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// textOf returns the normalised text below n: runs of white space folded
// to one space, trimmed. Script and style contents are left out.
func textOf(n *html.Node) string {
	var b strings.Builder
	appendText(&b, n)
	return normSpace(b.String())
}

func appendText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
			return
		case atom.Br, atom.P, atom.Div, atom.Li:
			b.WriteByte(' ')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		appendText(b, c)
	}
}

// normSpace folds every run of Unicode white space (including no-break
// and zero-width spaces) into one ASCII space and trims the ends.
func normSpace(s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			clean = false
			break
		}
		if c == ' ' {
			if prevSpace {
				clean = false
				break
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
	}
	if clean && !prevSpace {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\ufeff' || r == '\u00ad' {
			if r == '\u200b' || r == '\u200c' || r == '\ufeff' || r == '\u00ad' {
				continue
			}
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// findFirst returns the first element in document order for which match
// is true, or nil.
func findFirst(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, match); f != nil {
			return f
		}
	}
	return nil
}

// isAncestor reports whether a is n or one of n's ancestors.
func isAncestor(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// classID returns an element's class and id attributes, lowercased and
// joined, for matching against naming conventions. It allocates only
// when both are present or one needs lowercasing.
func classID(n *html.Node) string {
	var c, id string
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			c = a.Val
		case "id":
			id = a.Val
		}
	}
	switch {
	case c == "" && id == "":
		return ""
	case id == "":
		return lowerASCII(c)
	case c == "":
		return lowerASCII(id)
	}
	return lowerASCII(c + " " + id)
}

// lowerASCII lowercases s, returning s itself when it has no capitals.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// shortText returns n's normalised text if it is at most limit bytes
// long, and false otherwise. It stops reading at the limit, so probing
// many nested elements for a short label stays linear in the page size.
func shortText(n *html.Node, limit int) (string, bool) {
	var b strings.Builder
	if !appendLimited(&b, n, limit*4+64) {
		return "", false
	}
	t := normSpace(b.String())
	return t, len(t) <= limit
}

func appendLimited(b *strings.Builder, n *html.Node, limit int) bool {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return b.Len() <= limit
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
			return true
		case atom.Br, atom.P, atom.Div, atom.Li:
			b.WriteByte(' ')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !appendLimited(b, c, limit) {
			return false
		}
	}
	return true
}
