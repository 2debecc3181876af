package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
)

// Bounds on one XML document, so that hostile input costs bounded memory
// and time. Real feeds are a few hundred elements, sitemaps at most 50,000
// URLs (sitemaps.org), each of a few elements.
const (
	maxDepth = 64
	maxNodes = 1 << 20
)

var utf8BOM = []byte("\xef\xbb\xbf")

// node is an element of a parsed document: enough of a tree to read
// formats whose producers rarely follow their specifications.
type node struct {
	name     xml.Name
	attrs    []xml.Attr
	text     strings.Builder // character data directly inside
	children []*node
}

// attr returns the value of the attribute with the local name, any
// namespace, compared without case (OPML writers disagree on xmlUrl).
func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if strings.EqualFold(a.Name.Local, local) {
			return a.Value
		}
	}
	return ""
}

// child returns the first child with the local name, compared without
// case, or nil.
func (n *node) child(local string) *node {
	for _, c := range n.children {
		if strings.EqualFold(c.name.Local, local) {
			return c
		}
	}
	return nil
}

// childText returns the trimmed text of the first child with a local name
// among names, tried in order.
func (n *node) childText(names ...string) string {
	for _, name := range names {
		if c := n.child(name); c != nil {
			if s := strings.TrimSpace(c.allText()); s != "" {
				return s
			}
		}
	}
	return ""
}

// allText returns the character data of the node and its descendants
// (Atom xhtml content nests its text in elements).
func (n *node) allText() string {
	if len(n.children) == 0 {
		return n.text.String()
	}
	var b strings.Builder
	var walk func(*node)
	walk = func(m *node) {
		b.WriteString(m.text.String())
		for _, c := range m.children {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// parseXML detects the XML format by its root element and reads it.
func parseXML(data []byte, base string) (*Feed, error) {
	root, err := parseTree(data)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(root.name.Local) {
	case "rss":
		return parseRSS(root, base, RSS), nil
	case "rdf":
		return parseRSS(root, base, RDF), nil
	case "feed":
		return parseAtom(root, base), nil
	case "urlset":
		return parseSitemap(root, base), nil
	case "sitemapindex":
		return parseSitemapIndex(root, base), nil
	case "opml":
		return parseOPML(root, base), nil
	}
	return nil, fmt.Errorf("%w: root element <%s>", ErrNotFeed, root.name.Local)
}

// parseTree decodes data to UTF-8 and builds its element tree, leniently:
// HTML entities are known, unclosed HTML elements tolerated, and a document
// cut short yields what was read.
func parseTree(data []byte) (*node, error) {
	text := sanitizeXML(toUTF8(data))
	d := xml.NewDecoder(bytes.NewReader(text))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	// The bytes are UTF-8 by now whatever the declaration says.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }

	var root *node
	var stack []*node
	nodes := 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			if root != nil && (errors.Is(err, io.EOF) || isSyntax(err)) {
				return root, nil // keep what a truncated or broken file gave
			}
			if errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("%w: no XML element", ErrNotFeed)
			}
			return nil, fmt.Errorf("%w: %v", ErrNotFeed, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if nodes++; nodes > maxNodes {
				return nil, fmt.Errorf("more than %d XML elements", maxNodes)
			}
			n := &node{name: t.Name, attrs: t.Attr}
			switch {
			case len(stack) == 0 && root != nil:
				return root, nil // a second root: stop at the first
			case len(stack) == 0:
				root = n
			case len(stack) >= maxDepth:
				n = nil // too deep: parsed but not kept
			default:
				p := stack[len(stack)-1]
				if p != nil {
					p.children = append(p.children, n)
				}
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 && stack[len(stack)-1] != nil {
				stack[len(stack)-1].text.Write(t)
			}
		}
	}
}

func isSyntax(err error) bool {
	var se *xml.SyntaxError
	return errors.As(err, &se)
}

// toUTF8 returns data as UTF-8. A feed's declared encoding is often wrong:
// UTF-8 bytes under encoding="ISO-8859-1" are the common case, so bytes
// that are valid UTF-8 are taken as UTF-8 whatever the declaration, and a
// declaration is followed only for bytes that are not. Undeclared invalid
// UTF-8 is read as windows-1252, the usual culprit.
func toUTF8(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		data = data[len(utf8BOM):]
	case bytes.HasPrefix(data, []byte("\xfe\xff")), bytes.HasPrefix(data, []byte("\xff\xfe")):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err == nil {
			return out
		}
	}
	if utf8.Valid(data) {
		return data
	}
	label := declaredEncoding(data)
	enc, _ := charset.Lookup(label)
	if enc == nil || strings.Contains(strings.ToLower(label), "utf") {
		enc, _ = charset.Lookup("windows-1252")
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	return out
}

var encodingDecl = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// declaredEncoding returns the encoding named by the XML declaration, or "".
func declaredEncoding(data []byte) string {
	head := data[:min(len(data), 512)]
	if m := encodingDecl.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// sanitizeXML replaces the control characters XML 1.0 forbids (they turn
// up in feeds pasted from word processors) with spaces, so that one stray
// byte does not end the parse.
func sanitizeXML(data []byte) []byte {
	bad := false
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			bad = true
			break
		}
	}
	if !bad {
		return data
	}
	out := make([]byte, len(data))
	for i, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			c = ' '
		}
		out[i] = c
	}
	return out
}
