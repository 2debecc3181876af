package extract

import (
	"strings"

	"github.com/datelinehq/dateline/lang"
	"github.com/datelinehq/dateline/pubdate"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags end the paragraph before them and start a new one after.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Pre: false, atom.Table: false,
	atom.Tr: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true,
	atom.Figure: true, atom.Figcaption: true, atom.Hr: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Center: true, atom.Form: true, atom.Fieldset: true, atom.Caption: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Body: true,
}

// block is one paragraph as collected, with what is needed to judge it.
type block struct {
	text    string
	link    int // bytes of text inside links
	heading bool
	list    bool
}

// collector turns a subtree into blocks of text.
type collector struct {
	blocks  []block
	cur     strings.Builder
	link    int
	heading bool
	list    bool
	pre     bool
}

func (c *collector) flush() {
	t := normSpace(c.cur.String())
	if c.pre {
		t = strings.TrimSpace(c.cur.String())
	}
	if t != "" {
		c.blocks = append(c.blocks, block{text: t, link: c.link, heading: c.heading, list: c.list})
	}
	c.cur.Reset()
	c.link = 0
	c.heading = false
	c.list = false
}

func (c *collector) walk(n *html.Node, inLink bool) {
	switch n.Type {
	case html.TextNode:
		c.cur.WriteString(n.Data)
		if inLink {
			c.link += trimmedLen(n.Data)
		}
		return
	case html.ElementNode:
	default:
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			c.walk(ch, inLink)
		}
		return
	}
	if junkElement(n) {
		return
	}
	if skipTags[n.DataAtom] {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		// Two breaks in a row separate paragraphs in hand-made pages.
		if n.NextSibling != nil && n.NextSibling.Type == html.ElementNode && n.NextSibling.DataAtom == atom.Br ||
			n.PrevSibling != nil && n.PrevSibling.Type == html.ElementNode && n.PrevSibling.DataAtom == atom.Br {
			c.flush()
		} else {
			c.cur.WriteByte(' ')
		}
		return
	case atom.Img:
		return
	case atom.Button:
		// Kept only inline in prose (junkElement), where it is
		// drawn apart from its words whatever the markup's spacing.
		c.cur.WriteByte(' ')
	case atom.Td, atom.Th:
		c.cur.WriteByte(' ')
	}
	isBlock := blockTags[n.DataAtom]
	if isBlock {
		c.flush()
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		c.heading = true
	case atom.Li:
		c.list = true
	case atom.Pre:
		c.pre = true
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.walk(ch, inLink || n.DataAtom == atom.A)
	}
	if isBlock {
		c.flush()
		if n.DataAtom == atom.Pre {
			c.pre = false
		}
	}
}

// paragraphs collects the text blocks of the chosen body elements and
// drops furniture: known boilerplate lines, link lists, and lone short
// lines of links.
func paragraphs(nodes []*html.Node) []block {
	var c collector
	for _, n := range nodes {
		c.walk(n, false)
		c.flush()
	}
	blocks := cutTail(c.blocks)
	out := blocks[:0]
	prose := false
	for _, b := range blocks {
		// Credit and date lines sit between the headline and the
		// first paragraphs; further down the same words are content.
		if !prose && !b.list && isMetaLine(b.text) {
			continue
		}
		if len(b.text) >= 150 {
			prose = true
		}
		if keepBlock(b) {
			out = append(out, b)
		}
	}
	return trimEdges(out)
}

// trimEdges drops the short, function-word-poor blocks at the end of the
// body: the date lines, prices, button labels and one-line calls to action
// that follow the last paragraph. It classifies blocks as jusText does
// (Pomikálek, 2011): long text rich in stop words is prose; short text poor
// in them is furniture. Only the tail is trimmed — a short line between
// paragraphs is more often a subheading.
func trimEdges(bs []block) []block {
	end := len(bs)
	for end > 1 {
		b := bs[end-1]
		if len(b.text) >= 80 || b.heading && end < len(bs) || stopShare(b.text) >= 0.15 {
			break
		}
		end--
	}
	return bs[:end]
}

// stopShare is the share of words in s that are common function words of
// any of the languages dateline knows.
func stopShare(s string) float64 {
	n, stop := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isLetterOrDigit(r) && r != '\'' }) {
		n++
		if lang.IsStopWord(w) {
			stop++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(stop) / float64(n)
}

// cutTail drops the sections that follow an article — related stories,
// comments, an author box, a newsletter form — once most of the text has
// been seen. Such sections sit in the same wrapper as the article on many
// sites, so the choice of container alone does not drop them. A section
// opened by such a heading ends where long prose resumes: an inline
// "Related" box mid-article removes only itself.
func cutTail(bs []block) []block {
	total := 0
	for _, b := range bs {
		if keepBlock(b) {
			total += len(b.text)
		}
	}
	seen := 0
	out := bs[:0:0]
	skipping := false
	for _, b := range bs {
		if skipping && len(b.text) > 250 && float64(b.link) < 0.2*float64(len(b.text)) && !b.list {
			skipping = false
		}
		if !skipping && seen*10 >= total*6 && len(b.text) < 60 && b.heading && isTailHeading(b.text) {
			skipping = true
		}
		if keepBlock(b) {
			seen += len(b.text)
		}
		if !skipping {
			out = append(out, b)
		}
	}
	return out
}

func isTailHeading(s string) bool {
	k := strings.ToLower(strings.Trim(s, " :.!?|»›>-–—"))
	for _, p := range tailHeadings {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// tailHeadings open the sections that follow an article.
var tailHeadings = []string{
	"related", "read this next", "read next", "read more", "you may also like", "you might also like",
	"you may like", "more from", "more in", "more on", "recent posts", "latest posts", "popular posts",
	"more stories", "more articles", "other articles", "similar posts", "similar articles", "recommended",
	"trending", "keep reading", "don't miss", "don’t miss", "all reads on", "leave a reply", "leave a comment",
	"comments", "join the conversation", "about the author", "about the reviewer", "share this", "share with",
	"sign up for", "subscribe to", "newsletter", "most popular", "most read", "popular stories", "latest news",
	"latest stories", "what to read next", "up next", "also on", "from the blog", "recent articles",
	"disclaimer", "disclosure", "advertiser disclosure", "latest insights", "we recommend", "next article",
	"previous article", "more like this", "explore more", "continue reading", "related content", "related reading",
	"weitere artikel", "ähnliche artikel", "ähnliche beiträge", "das könnte sie auch interessieren",
	"das könnte dich auch interessieren", "das thema könnte", "sie könnten auch", "auch interessant", "lesen sie auch",
	"diese beiträge", "weitere beiträge", "mehr zum thema", "mehr zu diesem thema", "verwandte artikel",
	"verwandte beiträge", "kommentare", "kommentar schreiben", "schreibe einen kommentar", "hinterlasse einen kommentar",
	"leserkommentare", "aktuelle berichte", "beliebte beiträge", "neueste beiträge", "letzte beiträge",
	"heute empfehlen wir", "schlagworte", "wie bewerten sie", "diesen artikel teilen", "artikel teilen",
	"weiterführende links", "weiterführender link", "das könnte ihnen auch gefallen", "empfohlene artikel",
	"articles similaires", "à lire aussi", "a lire aussi", "sur le même sujet", "vous aimerez aussi", "commentaires",
	"laisser un commentaire", "artículos relacionados", "te puede interesar", "también te puede interesar",
	"noticias relacionadas", "comentarios", "deja un comentario", "articoli correlati", "potrebbe interessarti",
	"commenti", "lascia un commento", "gerelateerde artikelen", "reacties",
}

func keepBlock(b block) bool {
	if isBoilerLine(b.text) {
		return false
	}
	n := len(b.text)
	if b.link > 0 {
		ld := float64(b.link) / float64(n)
		switch {
		case b.list:
			return true
		case ld > 0.8:
			return false
		case ld > 0.6 && n < 100:
			return false
		}
	}
	return true
}

// skipTags hold text that is not part of the article's running prose.
var skipTags = map[atom.Atom]bool{atom.Figcaption: true}

// metaPrefixes open the credit and date lines that pages print between
// the headline and the body ("By Jane Doe", "Updated March 5, 2024").
var metaPrefixes = []string{"by ", "updated", "published on", "published:", "posted on", "posted by", "last updated", "written by",
	"reviewed by", "medically reviewed", "edited by", "fact checked", "fact-checked", "photo:", "image:", "credit:",
	"photograph:", "source:", "von ", "aktualisiert", "veröffentlicht", "mis à jour", "publié le", "actualizado"}

// isMetaLine reports whether a short block is a credit, date or reading
// time line rather than article text.
func isMetaLine(s string) bool {
	if len(s) > 100 {
		return false
	}
	l := strings.ToLower(s)
	for _, p := range metaPrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	if strings.Contains(l, "min read") || strings.Contains(l, "minute read") || strings.Contains(l, "read time") ||
		strings.Contains(l, "reading time") || strings.Contains(l, "min. read") {
		return true
	}
	if len(s) <= 40 {
		if _, ok := pubdate.Parse(s); ok {
			return true
		}
	}
	return false
}
