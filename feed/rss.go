package feed

import "strings"

// parseRSS reads RSS 0.9x and 2.0 (<rss><channel><item>) and RSS 0.90 and
// 1.0 (<rdf:RDF><channel/><item/>, items beside the channel).
func parseRSS(root *node, base string, kind Kind) *Feed {
	f := &Feed{Kind: kind}
	channel := root.child("channel")
	if channel == nil {
		channel = root
	}
	f.Title = cleanText(channel.childText("title"))
	f.Link = rssLink(channel, base)
	if f.Link != "" && base == "" {
		base = f.Link
	}
	items := channel.children
	if channel != root && (kind == RDF || root.child("item") != nil) {
		items = append(append([]*node(nil), items...), root.children...)
	}
	for _, n := range items {
		if !strings.EqualFold(n.name.Local, "item") {
			continue
		}
		if it, ok := rssItem(n, base); ok {
			f.Items = append(f.Items, it)
		}
	}
	return f
}

// rssItem reads one <item>. Its address is, in order of trust: the
// original link FeedBurner kept, <link>, an Atom alternate link, and a
// guid that is a permalink. An item with none of these is dropped.
func rssItem(n *node, base string) (Item, bool) {
	it := Item{
		Title:  cleanText(n.childText("title")),
		ID:     strings.TrimSpace(n.childText("guid")),
		Author: cleanText(n.childText("creator", "author")),
	}
	it.URL = resolve(base, n.childText("origLink"))
	if it.URL == "" {
		it.URL = rssLink(n, base)
	}
	if it.URL == "" {
		if g := n.child("guid"); g != nil && !strings.EqualFold(g.attr("isPermaLink"), "false") {
			it.URL = resolve(base, g.allText())
		}
	}
	if it.URL == "" && n.attr("about") != "" { // RSS 1.0 rdf:about
		it.URL = resolve(base, n.attr("about"))
	}
	if it.URL == "" {
		return Item{}, false
	}
	it.Published = parseDate(n.childText("pubDate", "date", "published", "issued", "created"))
	it.Updated = parseDate(n.childText("updated", "modified", "lastBuildDate"))
	return it, true
}

// rssLink returns the element's link: the text of a <link> child, or the
// href of an atom:link that is an alternate (RSS 2.0 feeds often carry
// atom:link rel="self" too, which is not the page).
func rssLink(n *node, base string) string {
	for _, c := range n.children {
		if !strings.EqualFold(c.name.Local, "link") {
			continue
		}
		if href := c.attr("href"); href != "" {
			if rel := c.attr("rel"); rel == "" || rel == "alternate" {
				if u := resolve(base, href); u != "" {
					return u
				}
			}
			continue
		}
		if u := resolve(base, c.allText()); u != "" {
			return u
		}
	}
	return ""
}
