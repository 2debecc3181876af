package feed

import (
	"bufio"
	"bytes"
	"strings"
)

// maxSitemapURLs is the sitemaps.org limit on one file; more is ignored.
const maxSitemapURLs = 50000

// parseSitemap reads a <urlset> (sitemaps.org 0.9) with the Google News
// extension: news:publication_date gives Published, news:title the title,
// lastmod gives Updated.
func parseSitemap(root *node, base string) *Feed {
	f := &Feed{Kind: Sitemap}
	for _, n := range root.children {
		if len(f.Items) >= maxSitemapURLs {
			break
		}
		if !strings.EqualFold(n.name.Local, "url") {
			continue
		}
		it := Item{URL: resolve(base, n.childText("loc")), Updated: parseDate(n.childText("lastmod"))}
		if it.URL == "" {
			continue
		}
		if news := n.child("news"); news != nil {
			it.Title = cleanText(news.childText("title"))
			it.Published = parseDate(news.childText("publication_date"))
			if pub := news.child("publication"); pub != nil {
				it.Language = strings.TrimSpace(pub.childText("language"))
			}
		}
		f.Items = append(f.Items, it)
	}
	return f
}

// parseSitemapIndex reads a <sitemapindex>: its sitemaps go to Feeds.
func parseSitemapIndex(root *node, base string) *Feed {
	f := &Feed{Kind: SitemapIndex}
	for _, n := range root.children {
		if len(f.Feeds) >= maxSitemapURLs {
			break
		}
		if !strings.EqualFold(n.name.Local, "sitemap") {
			continue
		}
		if u := resolve(base, n.childText("loc")); u != "" {
			f.Feeds = append(f.Feeds, Item{URL: u, Updated: parseDate(n.childText("lastmod"))})
		}
	}
	return f
}

// isTextSitemap reports whether data is a text sitemap: its first line is
// an absolute http(s) URL.
func isTextSitemap(data []byte) bool {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	line = bytes.ToLower(bytes.TrimSpace(line))
	return (bytes.HasPrefix(line, []byte("http://")) || bytes.HasPrefix(line, []byte("https://"))) &&
		!bytes.ContainsAny(line, " <>\"")
}

// parseTextSitemap reads a text sitemap: one URL a line (sitemaps.org).
func parseTextSitemap(data []byte, base string) *Feed {
	f := &Feed{Kind: Sitemap}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() && len(f.Items) < maxSitemapURLs {
		if u := resolve(base, sc.Text()); u != "" {
			f.Items = append(f.Items, Item{URL: u})
		}
	}
	return f
}
