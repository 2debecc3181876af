package pubdate

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Context flags of an element, inherited by its descendants. They say
// where on the page a date was seen: the article header is where the
// publication date lives; comments, sidebars and footers carry other
// pages' and readers' dates.
const (
	cComment uint16 = 1 << iota // a reader comment or reply
	cAside                      // sidebar, navigation, widget, related links
	cFooter                     // a footer (the page's or the article's)
	cArticle                    // the article or the main content
	cHeader                     // a header or a block of post metadata
)

// Limits that keep the walk linear on hostile pages.
const (
	maxElemText    = 256  // bytes of text read from one dated element
	maxElemNodes   = 64   // nodes visited to read one element's text
	maxElemCands   = 300  // dated elements read per page
	maxTextRefs    = 4000 // text nodes kept for the free-text pass
	maxJSONLDBytes = 1 << 20
	maxScripts     = 64 // scripts kept for scriptPass
)

// cand is one date seen on the page.
type cand struct {
	st    stamp
	from  string // provenance, as reported in Dates
	trust int    // how much the kind of signal is trusted (trust* constants)
	mod   bool   // a modification date
	shown bool   // visible on the page (not metadata)
	ctx   uint16 // context flags where it was seen
	order int    // document order
}

// classResult is what classify says about one class attribute.
type classResult struct {
	flags uint16
	kind  classKind
}

// textRef is a text node kept for the free-text pass.
type textRef struct {
	n     *html.Node
	ctx   uint16
	order int
}

// collector gathers every date signal in one walk over the tree.
type collector struct {
	cands    []cand
	texts    []textRef
	order    int
	elems    int
	lang     string
	dayFirst bool // read n/n/yyyy as day/month/year (see dayFirst)
	h1Order  int  // document order of the first <h1>, 0 if none
	// titlePath holds the ancestors of the first <h1>: whatever class
	// names they bear, they hold the article, so they are not asides,
	// comments or footers.
	titlePath []*html.Node
	textBuf   []byte
	// classCache remembers classify's reading of each class attribute.
	classCache map[string]classResult
	scripts    []*html.Node // text of other scripts, for the last resort (see scriptPass)
	// description is the page's meta description if it has digits: a
	// last resort too ("Notizia del 14 Gennaio 2020").
	description string
}

// walk visits the tree in document order without recursion, so deeply
// nested input cannot exhaust the stack; ctx is kept on an explicit stack.
func (c *collector) walk(doc *html.Node) {
	if h1 := firstH1(doc); h1 != nil {
		for p := h1.Parent; p != nil && len(c.titlePath) < 256; p = p.Parent {
			c.titlePath = append(c.titlePath, p)
		}
	}
	stack := make([]uint16, 0, 64)
	var ctx uint16
	n := doc
	for n != nil {
		descend := false
		switch n.Type {
		case html.ElementNode:
			flags, skip := c.element(n, ctx)
			if !skip && n.FirstChild != nil {
				stack = append(stack, ctx)
				ctx |= flags
				descend = true
			}
		case html.TextNode:
			c.order++
			if len(c.texts) < maxTextRefs && hasDigit(n.Data) {
				c.texts = append(c.texts, textRef{n: n, ctx: ctx, order: c.order})
			}
		case html.DocumentNode:
			descend = n.FirstChild != nil
			if descend {
				stack = append(stack, ctx)
			}
		}
		if descend {
			n = n.FirstChild
			continue
		}
		for n != nil && n.NextSibling == nil {
			n = n.Parent
			if n == nil {
				return
			}
			ctx = stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if n == doc {
				return
			}
		}
		if n == doc {
			return
		}
		n = n.NextSibling
	}
}

// hasDigit reports whether s contains an ASCII digit. It looks at eight
// bytes at a time (the "has between" bit trick from Sean Anderson's Bit
// Twiddling Hacks), since it runs over every text node of the page.
func hasDigit(s string) bool {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
		low7 = 0x7F7F7F7F7F7F7F7F
	)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A byte b has 0x2F < b < 0x3A, i.e. is '0'..'9'.
		if (ones*(127+0x3A)-(x&low7))&^x&((x&low7)+ones*(127-0x2F))&high != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// element reads the date signals of one element and returns the context
// flags it adds, and whether its subtree is to be skipped.
func (c *collector) element(n *html.Node, ctx uint16) (flags uint16, skip bool) {
	c.order++
	flags, skip = c.tag(n, ctx)
	if skip {
		return 0, true
	}
	a := readAttrs(n)
	var kind classKind
	if (a.class != "" || a.id != "") && n.DataAtom != atom.Body && n.DataAtom != atom.Html {
		var cf uint16
		cf, kind = c.classOf(a.class, a.id)
		flags |= cf
	}
	if flags&(cAside|cComment|cFooter) != 0 && (c.holdsTitle(n) || (n.DataAtom == atom.Aside && kind == classMeta)) {
		// The element holds the title (so it is the article, whatever its
		// class says), or is an <aside class="meta"> beside the article.
		flags &^= cAside | cComment | cFooter
	}
	if a.itemtype != "" && (strings.Contains(a.itemtype, "Article") || strings.Contains(a.itemtype, "BlogPosting")) {
		flags |= cArticle
	}
	if equalFoldASCII(a.itemprop, "articlebody") {
		flags |= cArticle
	}
	c.dated(n, &a, kind, ctx|flags)
	return flags, false
}

// tag handles what an element's name says: scripts, metadata and
// containers. It returns the context flags of the tag, and whether the
// subtree is to be skipped.
func (c *collector) tag(n *html.Node, ctx uint16) (flags uint16, skip bool) {
	switch n.DataAtom {
	case atom.Script:
		if n.FirstChild == nil {
			return 0, true
		}
		if t := attr(n, "type"); strings.Contains(strings.ToLower(t), "ld+json") {
			c.jsonLD(n.FirstChild.Data)
		} else if len(c.scripts) < maxScripts {
			c.scripts = append(c.scripts, n.FirstChild)
		}
		return 0, true
	case atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe, atom.Select, atom.Textarea, atom.Math:
		return 0, true
	case atom.Meta:
		c.meta(n, ctx)
		return 0, true
	case atom.Html:
		c.lang = attr(n, "lang")
		c.dayFirst = dayFirst(c.lang)
	case atom.Article, atom.Main:
		return cArticle, false
	case atom.Header:
		return cHeader, false
	case atom.Footer:
		return cFooter, false
	case atom.Aside, atom.Nav:
		return cAside, false
	case atom.H1:
		if c.h1Order == 0 {
			c.h1Order = c.order
		}
	}
	return 0, false
}

// attrs are the attributes that matter here.
type attrs struct {
	class, id, itemprop, itemtype, datetime, title, content string
}

func readAttrs(n *html.Node) attrs {
	var a attrs
	for _, at := range n.Attr {
		switch at.Key {
		case "class":
			a.class = at.Val
		case "id":
			a.id = at.Val
		case "itemprop":
			a.itemprop = at.Val
		case "itemtype":
			a.itemtype = at.Val
		case "datetime":
			a.datetime = at.Val
		case "title":
			a.title = at.Val
		case "content":
			a.content = at.Val
		}
	}
	return a
}

// classOf is classify with a cache: pages repeat the same class lists
// many times over.
func (c *collector) classOf(class, id string) (uint16, classKind) {
	if id != "" {
		return classify(class, id)
	}
	r, ok := c.classCache[class]
	if !ok {
		r.flags, r.kind = classify(class, "")
		if c.classCache == nil {
			c.classCache = make(map[string]classResult, 64)
		}
		c.classCache[class] = r
	}
	return r.flags, r.kind
}

// dated reads a date from an element that carries one: microdata,
// <time>, <abbr title>, or an element whose class names a date.
func (c *collector) dated(n *html.Node, a *attrs, kind classKind, ctx uint16) {
	if a.itemprop != "" && c.itemprop(n, a.itemprop, a.datetime, a.content, ctx) {
		return
	}
	if n.DataAtom == atom.Time {
		c.timeElem(n, a.datetime, kind, ctx)
		return
	}
	if n.DataAtom == atom.Abbr && a.title != "" {
		if st, ok := c.parse(a.title); ok {
			c.addShown(st, "abbr", trustForClass(kind, ctx)+trustAbbrBonus, kind == classMod, ctx)
			return
		}
	}
	if kind == classNone || c.elems >= maxElemCands {
		return
	}
	c.elems++
	st, ok := stamp{}, false
	if a.datetime != "" {
		st, ok = c.parse(a.datetime)
	}
	if !ok {
		st, ok = c.parse(c.innerText(n))
	}
	if ok {
		c.addShown(st, "class", trustForClass(kind, ctx), kind == classMod, ctx)
	}
}

// holdsTitle reports whether n is an ancestor of the first <h1>.
func (c *collector) holdsTitle(n *html.Node) bool {
	for _, p := range c.titlePath {
		if p == n {
			return true
		}
	}
	return false
}

// firstH1 returns the first <h1> in document order, or nil.
func firstH1(doc *html.Node) *html.Node {
	n := doc
	for n != nil {
		if n.Type == html.ElementNode && n.DataAtom == atom.H1 {
			return n
		}
		if n.FirstChild != nil && !(n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Head)) {
			n = n.FirstChild
			continue
		}
		for n != nil && n.NextSibling == nil {
			n = n.Parent
		}
		if n == nil {
			return nil
		}
		n = n.NextSibling
	}
	return nil
}

// add records a metadata candidate.
func (c *collector) add(st stamp, from string, trust int, mod bool, ctx uint16) {
	c.cands = append(c.cands, cand{st: st, from: from, trust: trust, mod: mod, ctx: ctx, order: c.order})
}

// addShown records a candidate visible on the page.
func (c *collector) addShown(st stamp, from string, trust int, mod bool, ctx uint16) {
	c.cands = append(c.cands, cand{st: st, from: from, trust: trust, mod: mod, shown: true, ctx: ctx, order: c.order})
}

// meta reads <meta name|property|itemprop|http-equiv content>.
func (c *collector) meta(n *html.Node, ctx uint16) {
	var name, content, itemprop string
	for _, a := range n.Attr {
		switch a.Key {
		case "name", "property", "http-equiv":
			if name == "" {
				name = a.Val
			}
		case "itemprop":
			itemprop = a.Val
		case "content":
			content = a.Val
		}
	}
	if content == "" {
		return
	}
	if itemprop != "" && c.itemprop(n, itemprop, "", content, ctx) {
		return
	}
	if name == "" || len(name) > 64 {
		return
	}
	var buf [64]byte
	key := fold(buf[:], strings.TrimSpace(name))
	if string(key) == "parsely-page" {
		if i := strings.Index(content, `"pub_date"`); i >= 0 {
			if st, ok := parseStamp(content[i+len(`"pub_date"`):], false); ok {
				c.add(st, "meta:parsely-page", trustMetaStrong, false, ctx)
			}
		}
		return
	}
	rule, ok := metaRules[string(key)]
	if !ok {
		if c.description == "" && (string(key) == "description" || string(key) == "og:description") && hasDigit(content) {
			c.description = content
		}
		return
	}
	st, ok := parseMetaValue(content)
	if !ok {
		return
	}
	c.add(st, "meta:"+string(key), rule.trust, rule.modified, ctx)
}

// parse reads a date in the page's convention for n/n/yyyy.
func (c *collector) parse(s string) (stamp, bool) {
	return parseStamp(s, c.dayFirst)
}

// parseMetaValue reads a date in an attribute value, also as Unix time
// in seconds or milliseconds.
func parseMetaValue(s string) (stamp, bool) {
	s = strings.TrimSpace(s)
	if (len(s) == 10 || len(s) == 13) && isDigits(s) {
		return unixStamp(s)
	}
	return parseStamp(s, false)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// itemprop reads schema.org microdata: datePublished, dateCreated,
// dateModified. It reports whether the element was a date property.
func (c *collector) itemprop(n *html.Node, prop, datetime, content string, ctx uint16) bool {
	var mod bool
	switch {
	case equalFoldASCII(prop, "datepublished"), equalFoldASCII(prop, "datecreated"):
	case equalFoldASCII(prop, "datemodified"):
		mod = true
	default:
		return false
	}
	val := content
	if val == "" {
		val = datetime
	}
	var st stamp
	ok := false
	if val != "" {
		st, ok = parseMetaValue(val)
	}
	if !ok && n.DataAtom != atom.Meta {
		st, ok = c.parse(c.innerText(n))
	}
	if ok {
		c.cands = append(c.cands, cand{st: st, from: "itemprop:" + prop, trust: trustItemprop - contextPenalty(ctx),
			mod: mod, shown: n.DataAtom != atom.Meta, ctx: ctx, order: c.order})
	}
	return true
}

// timeElem reads <time datetime> (or its text).
//
// Where the text shows a different day than the datetime attribute, the
// text wins: it is what readers see, and the attribute is often in UTC
// or set by a template to another date.
func (c *collector) timeElem(n *html.Node, datetime string, kind classKind, ctx uint16) {
	st, ok := stamp{}, false
	if datetime != "" {
		st, ok = c.parse(datetime)
	}
	if shown, ok2 := c.parse(c.innerText(n)); ok2 && (!ok || shown.key() != st.key()) {
		st, ok = shown, true
	}
	if !ok {
		return
	}
	trust := trustTime
	switch {
	case hasAttr(n, "pubdate"):
		trust = trustTimePub
		kind = classPub
	case kind == classPub:
		trust = trustTimePub
	case kind == classMod:
	}
	c.addShown(st, "time-element", trust+placeBonus(ctx)-contextPenalty(ctx), kind == classMod, ctx)
}

// innerText returns up to maxElemText bytes of n's text, visiting at most
// maxElemNodes nodes, with white space between nodes.
func (c *collector) innerText(n *html.Node) string {
	b := c.textBuf[:0]
	visited := 0
	m := n.FirstChild
	for m != nil && visited < maxElemNodes && len(b) < maxElemText {
		visited++
		if m.Type == html.TextNode {
			s := m.Data
			if len(s) > maxElemText-len(b) {
				s = s[:maxElemText-len(b)]
			}
			b = append(b, ' ')
			b = append(b, s...)
		}
		if m.Type == html.ElementNode && m.FirstChild != nil && m.DataAtom != atom.Script && m.DataAtom != atom.Style {
			m = m.FirstChild
			continue
		}
		for m != nil && m != n && m.NextSibling == nil {
			m = m.Parent
		}
		if m == nil || m == n {
			break
		}
		m = m.NextSibling
	}
	c.textBuf = b
	return string(b)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
