package extract

import (
	"context"
	"log/slog"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The body is found in two steps, after readability's scoring (Arc90,
// 2010): every paragraph-like block scores its parent and grandparent by
// its length and commas, an element's own class and id move its score,
// and link-heavy elements are discounted; then siblings of the winner that
// look like more of the same article join it. Named article containers
// (itemprop=articleBody, "entry-content", <article>) are preferred when
// they hold most of the winner's text, which is where readability most
// often goes wrong: it picks one section of an article split in several.

type candidate struct {
	node  *html.Node
	score float64
}

// scoreBlocks returns the readability score of each candidate container.
func scoreBlocks(root *html.Node, st map[*html.Node]*nodeStats) map[*html.Node]*candidate {
	cands := make(map[*html.Node]*candidate, 64)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if isTextBlock(c) {
				scoreBlock(c, st, cands)
			}
			walk(c)
		}
	}
	walk(root)
	for n, c := range cands {
		s := st[n]
		if s != nil && s.text > 0 {
			c.score *= 1 - float64(s.link)/float64(s.text)
		}
	}
	return cands
}

// isTextBlock reports whether n is a unit of running text: a paragraph,
// or a div whose own text is not wrapped in paragraphs.
func isTextBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Td, atom.Blockquote, atom.Dd:
		return true
	case atom.Div, atom.Section, atom.Span, atom.Font, atom.Center:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && trimmedLen(c.Data) > 25 {
				return true
			}
		}
	}
	return false
}

func scoreBlock(n *html.Node, st map[*html.Node]*nodeStats, cands map[*html.Node]*candidate) {
	s := st[n]
	if s == nil || s.text < 25 {
		return
	}
	text := ownText(n)
	score := 1 + float64(strings.Count(text, ",")+strings.Count(text, "，")+strings.Count(text, "、"))
	score += min(float64(len(text))/100, 3)
	div := 1.0
	level := 0
	for a := n.Parent; a != nil && level < 3; a = a.Parent {
		if a.Type != html.ElementNode || a.DataAtom == atom.Html {
			break
		}
		c := cands[a]
		if c == nil {
			c = &candidate{node: a, score: baseScore(a)}
			cands[a] = c
		}
		c.score += score / div
		level++
		if level == 1 {
			div = 2
		} else {
			div = float64(level) * 3
		}
	}
}

// baseScore is a container's prior: its tag and its class and id words.
func baseScore(n *html.Node) float64 {
	var s float64
	switch n.DataAtom {
	case atom.Div, atom.Article, atom.Main, atom.Section:
		s = 5
	case atom.Pre, atom.Td, atom.Blockquote:
		s = 3
	case atom.Address, atom.Ol, atom.Ul, atom.Dl, atom.Dd, atom.Dt, atom.Li, atom.Form:
		s = -3
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Th:
		s = -5
	}
	if n.DataAtom == atom.Article {
		s += 10
	}
	if ip := attr(n, "itemprop"); strings.Contains(strings.ToLower(ip), "articlebody") {
		s += 40
	}
	ci := classID(n)
	if ci == "" {
		return s
	}
	good, bad := false, false
	words(ci, func(w string) bool {
		if goodWords[w] {
			good = true
		}
		if badWords[w] {
			bad = true
		}
		return false
	})
	if good {
		s += 25
	}
	if bad {
		s -= 25
	}
	return s
}

// pickBody chooses the element(s) holding the article body.
func pickBody(body *html.Node, st map[*html.Node]*nodeStats, log *slog.Logger) []*html.Node {
	cands := scoreBlocks(body, st)
	var top *candidate
	for _, c := range cands {
		if top == nil || c.score > top.score || c.score == top.score && st[c.node].text > st[top.node].text {
			top = c
		}
	}
	if top == nil {
		return []*html.Node{body}
	}
	best := top.node
	// Climb while the parent holds substantially more paragraph text
	// scored nearly as high: the article is split over siblings.
	for p := best.Parent; p != nil && p != body.Parent; p = p.Parent {
		pc := cands[p]
		if pc == nil || pc.score < top.score*0.7 {
			break
		}
		if st[p].paras <= st[best].paras {
			break
		}
		best = p
	}
	if named := namedContainer(body, best, st); named != nil {
		best = named
	}
	debug := log.Enabled(context.Background(), slog.LevelDebug)
	if debug {
		log.Debug("body choice", "top", top.node.Data+" "+classID(top.node), "score", top.score, "best", best.Data+" "+classID(best))
	}
	best = widen(best, body, st, log)
	if debug {
		log.Debug("widened", "to", best.Data+" "+classID(best), "text", st[best].text)
	}
	return withSiblings(best, top.score, cands, st)
}

// namedContainer returns an explicitly marked article body that holds
// most of the chosen element's text, or contains it without adding much
// link text.
func namedContainer(body, best *html.Node, st map[*html.Node]*nodeStats) *html.Node {
	var found *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if isNamedBody(c) {
				s, b := st[c], st[best]
				if s != nil && b != nil && s.text > 200 {
					inside := isAncestor(c, best) || isAncestor(best, c)
					if inside && s.text >= b.text*6/10 && s.link*3 < s.text+1 {
						found = c
						return
					}
				}
			}
			walk(c)
		}
	}
	walk(body)
	return found
}

func isNamedBody(n *html.Node) bool {
	if strings.Contains(strings.ToLower(attr(n, "itemprop")), "articlebody") {
		return true
	}
	ci := classID(n)
	if ci == "" {
		return false
	}
	for _, k := range namedBodies {
		if strings.Contains(ci, k) {
			return true
		}
	}
	return false
}

// namedBodies are class/id fragments that name an article body in the
// common publishing systems.
var namedBodies = []string{
	"articlebody", "article-body", "article__body", "article-content", "article__content", "article-text",
	"entry-content", "post-content", "post-body", "post-entry", "postbody", "story-body", "story-content",
	"storycontent", "content-body", "body-text", "bodytext", "article-main", "td-post-content", "single-content",
	"blog-post-body", "rich-text", "news-text", "text-content",
}

// withSiblings adds to best the siblings that look like more of the same
// text (readability's sibling pass).
func withSiblings(best *html.Node, topScore float64, cands map[*html.Node]*candidate, st map[*html.Node]*nodeStats) []*html.Node {
	parent := best.Parent
	if parent == nil {
		return []*html.Node{best}
	}
	threshold := max(10, topScore*0.2)
	bestCI := attr(best, "class")
	var out []*html.Node
	for c := parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c == best {
			out = append(out, c)
			continue
		}
		s := st[c]
		if s == nil || s.text == 0 {
			continue
		}
		bonus := 0.0
		if bestCI != "" && attr(c, "class") == bestCI {
			bonus = topScore * 0.2
		}
		if cc := cands[c]; cc != nil && cc.score+bonus >= threshold {
			out = append(out, c)
			continue
		}
		if c.DataAtom == atom.P {
			ld := float64(s.link) / float64(s.text)
			text := textOf(c)
			if s.text > 80 && ld < 0.25 || s.text > 0 && s.text <= 80 && ld == 0 && strings.HasSuffix(text, ".") {
				out = append(out, c)
			}
		}
	}
	return out
}

// widen climbs from the chosen element to ancestors whose extra text is
// more running prose: paragraphs with few links. Long articles are often
// split into sections of their own, one of which wins the scoring alone.
// Steps that add only a heading or a caption are passed through; a step
// that adds mostly links (a menu, a list of related stories) ends the
// climb.
func widen(best, body *html.Node, st map[*html.Node]*nodeStats, log *slog.Logger) *html.Node {
	prev := best
	for a := best.Parent; a != nil && a != body; a = a.Parent {
		s, p := st[a], st[prev]
		if s == nil || p == nil {
			break
		}
		extra, extraLink := s.text-p.text, s.link-p.link
		if extra > 150 && extraLink*3 > extra {
			log.Debug("widen stop", "at", a.Data, "class", classID(a), "text", s.text, "extra", extra, "extraLink", extraLink)
			break
		}
		if s.paras > st[best].paras {
			best = a
		}
		prev = a
	}
	return best
}

// ownText is the text of n outside its block-level descendants: for a
// paragraph, all of it; for a div holding loose text, that text only. It
// keeps scoring linear in the page size however deeply blocks nest.
func ownText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && !blockTags[c.DataAtom] && (!junkTags[c.DataAtom] || inlineButton(c)):
				walk(c)
			}
		}
	}
	walk(n)
	return normSpace(b.String())
}
