package feed

import "strings"

// parseAtom reads Atom 1.0 (RFC 4287) and the older Atom 0.3, whose
// issued and modified elements stand for published and updated.
func parseAtom(root *node, base string) *Feed {
	base = withBase(base, root)
	f := &Feed{Kind: Atom, Title: cleanText(root.childText("title"))}
	f.Link = atomLink(root, base)
	for _, n := range root.children {
		if !strings.EqualFold(n.name.Local, "entry") {
			continue
		}
		eb := withBase(base, n)
		it := Item{
			URL:       atomLink(n, eb),
			Title:     cleanText(n.childText("title")),
			ID:        strings.TrimSpace(n.childText("id")),
			Published: parseDate(n.childText("published", "issued", "created")),
			Updated:   parseDate(n.childText("updated", "modified")),
		}
		if a := n.child("author"); a != nil {
			it.Author = cleanText(a.childText("name"))
		}
		if it.URL == "" {
			it.URL = resolve(eb, n.childText("origLink"))
		}
		if it.URL == "" && strings.HasPrefix(it.ID, "http") {
			it.URL = resolve(eb, it.ID)
		}
		if it.URL != "" {
			f.Items = append(f.Items, it)
		}
	}
	return f
}

// atomLink returns the href of the element's alternate link, preferring
// one of an HTML type; a link without rel is an alternate (RFC 4287
// §4.2.7.2). A FeedBurner origLink, when present, wins.
func atomLink(n *node, base string) string {
	if u := resolve(base, n.childText("origLink")); u != "" {
		return u
	}
	best := ""
	for _, c := range n.children {
		if !strings.EqualFold(c.name.Local, "link") {
			continue
		}
		rel := strings.ToLower(strings.TrimSpace(c.attr("rel")))
		if rel != "" && rel != "alternate" {
			continue
		}
		href := c.attr("href")
		if href == "" {
			href = c.allText()
		}
		u := resolve(withBase(base, c), href)
		if u == "" {
			continue
		}
		typ := strings.ToLower(c.attr("type"))
		if typ == "" || strings.Contains(typ, "html") {
			return u
		}
		if best == "" {
			best = u
		}
	}
	return best
}
