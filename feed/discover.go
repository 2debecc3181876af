package feed

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// feedTypes are the link types that announce a feed (RSS Advisory Board
// autodiscovery, RFC 4287 §7, jsonfeed.org).
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/rdf+xml":   true,
	"application/feed+json": true,
	"application/json":      true, // older JSON Feeds; needs rel=alternate like the rest
}

// maxDiscoverBytes bounds the part of a page searched: feed links belong
// in the head, and the head of a real page is well under this.
const maxDiscoverBytes = 1 << 20

// Discover returns the feeds a page announces with
// <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">,
// in page order, without duplicates, resolved against base and any
// <base href>.
func Discover(page []byte, base string) []Item {
	if len(page) > maxDiscoverBytes {
		page = page[:maxDiscoverBytes]
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	var out []Item
	seen := map[string]bool{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		attrs := map[string]string{}
		for more := true; more; {
			var k, v []byte
			k, v, more = z.TagAttr()
			attrs[string(k)] = string(v)
		}
		switch string(name) {
		case "base":
			if u := resolve(base, attrs["href"]); u != "" {
				base = u
			}
		case "link":
			if !hasToken(attrs["rel"], "alternate") {
				continue
			}
			typ, _, _ := strings.Cut(strings.ToLower(attrs["type"]), ";")
			if !feedTypes[strings.TrimSpace(typ)] {
				continue
			}
			if u := resolve(base, attrs["href"]); u != "" && !seen[u] {
				seen[u] = true
				out = append(out, Item{URL: u, Title: cleanText(attrs["title"])})
			}
		}
	}
}

// hasToken reports whether a space-separated list holds tok, ignoring case.
func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
