package feed

import "strings"

// parseOPML reads an OPML subscription list: every outline with an xmlUrl,
// at any depth (folders nest them), is a feed.
func parseOPML(root *node, base string) *Feed {
	f := &Feed{Kind: OPML}
	if head := root.child("head"); head != nil {
		f.Title = cleanText(head.childText("title"))
	}
	var walk func(*node)
	walk = func(n *node) {
		for _, c := range n.children {
			if !strings.EqualFold(c.name.Local, "outline") {
				continue
			}
			if u := resolve(base, c.attr("xmlUrl")); u != "" {
				title := c.attr("title")
				if title == "" {
					title = c.attr("text")
				}
				f.Feeds = append(f.Feeds, Item{URL: u, Title: cleanText(title)})
			}
			walk(c)
		}
	}
	if body := root.child("body"); body != nil {
		walk(body)
	}
	return f
}
