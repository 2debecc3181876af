package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/lang"
)

// HTML extracts an article from an HTML page. The page is decoded to
// UTF-8, parsed once, its metadata read, its visible header read, its
// furniture pruned, and its body chosen and collected.
func HTML(data []byte, opts Options) (*dateline.Article, error) {
	if len(data) > opts.maxBytes() {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), opts.maxBytes())
	}
	src, err := utf8Bytes(data, opts.ContentType)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	placeStreamed(doc)
	a := &dateline.Article{URL: opts.URL, Authors: []string{}, Provenance: map[string]string{}}
	m := readMeta(doc)
	fillDates(a, doc, opts.URL)
	var h1 *html.Node
	a.Title, a.Provenance["title"], h1 = pickTitle(m)
	body := findFirst(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		return nil, ErrNoContent
	}
	hd := readHeader(body, h1)
	fillMeta(a, m, hd)

	st := make(map[*html.Node]*nodeStats, 1024)
	pageText := measure(body, st, false).text
	prune(body, st, pageText, false, opts.logger())
	clear(st)
	measure(body, st, false)
	blocks := paragraphs(pickBody(body, st, opts.logger()))
	if onlyLinks(blocks) {
		return nil, ErrNoContent
	}
	a.Paragraphs = bodyParagraphs(blocks, a)
	if len(a.Paragraphs) == 0 {
		return nil, ErrNoContent
	}
	finish(a)
	return a, nil
}

// bodyParagraphs turns collected blocks into the article's paragraphs,
// leaving out the headline and lines that repeat the header fields.
func bodyParagraphs(blocks []block, a *dateline.Article) []string {
	title := foldTitle(a.Title)
	sub := ""
	if a.Provenance["subtitle"] == "text" {
		sub = foldTitle(a.Subtitle)
	}
	out := make([]string, 0, len(blocks))
	seen := make(map[string]bool, len(blocks))
	for i, b := range blocks {
		// Folding is costly; only blocks about as long as the headline
		// or standfirst can repeat them.
		if i < 3 && near(len(b.text), len(a.Title)) && foldTitle(b.text) == title {
			continue
		}
		// The standfirst repeated as the lede is dropped; repeated further
		// down it is a paragraph of the story, kept in place.
		if sub != "" && len(out) == 0 && near(len(b.text), len(a.Subtitle)) && foldTitle(b.text) == sub {
			continue
		}
		if a.Byline != "" && len(b.text) < 200 && strings.Contains(b.text, a.Byline) && strings.Contains(b.text, "|") {
			continue
		}
		// A paragraph printed twice (a pull quote, a repeated caption)
		// is kept once.
		if len(b.text) > 40 {
			if seen[b.text] {
				continue
			}
			seen[b.text] = true
		}
		out = append(out, b.text)
	}
	return out
}

// near reports whether two lengths are within a quarter of each other.
func near(a, b int) bool {
	return a*4 >= b*3 && b*4 >= a*3
}

// fillMeta sets the fields that come from the page's metadata and header.
func fillMeta(a *dateline.Article, m *metadata, hd header) {
	p := a.Provenance
	if hd.subtitle != "" {
		a.Subtitle, p["subtitle"] = hd.subtitle, "text"
	} else if v, from := m.first("og:description", "description", "twitter:description"); v != "" {
		a.Subtitle, p["subtitle"] = v, from
	} else if m.jsonld.description != "" {
		a.Subtitle, p["subtitle"] = m.jsonld.description, "json-ld"
	}
	if hd.place != "" {
		a.Dateline, p["dateline"] = hd.place, "text"
	}
	fillAuthors(a, m, hd)

	if v, from := m.first("og:site_name", "application-name", "al:android:app_name", "twitter:site"); v != "" {
		a.SiteName, p["site_name"] = strings.TrimPrefix(v, "@"), from
	} else if m.jsonld.publisher != "" {
		a.SiteName, p["site_name"] = m.jsonld.publisher, "json-ld"
	} else if _, site := splitTitle(m.docTitle); site != "" && len(site) < 60 {
		a.SiteName, p["site_name"] = site, "title"
	}
	if v, from := m.first("article:section", "section", "parsely-section", "category"); v != "" {
		a.Section, p["section"] = v, from
	} else if m.jsonld.section != "" {
		a.Section, p["section"] = m.jsonld.section, "json-ld"
	}
	if v, from := m.first("article:tag", "og:article:tag", "news_keywords", "keywords", "parsely-tags"); v != "" {
		a.Tags, p["tags"] = dedupe(splitList(v)), from
	} else if len(m.jsonld.keywords) > 0 {
		a.Tags, p["tags"] = dedupe(m.jsonld.keywords), "json-ld"
	}
	if v, from := m.first("og:image", "og:image:url", "twitter:image", "twitter:image:src"); v != "" {
		a.Image, p["image"] = resolve(a.URL, v), from
	} else if m.jsonld.image != "" {
		a.Image, p["image"] = resolve(a.URL, m.jsonld.image), "json-ld"
	}
	if m.canonical != "" {
		a.CanonicalURL, p["canonical_url"] = resolve(a.URL, m.canonical), "link:canonical"
	} else if v, from := m.first("og:url"); v != "" {
		a.CanonicalURL, p["canonical_url"] = resolve(a.URL, v), from
	}
	if l := lang.Normalize(m.lang); l != "" {
		a.Language, p["language"] = l, "html-lang"
	} else if l := lang.Normalize(m.jsonld.language); l != "" {
		a.Language, p["language"] = l, "json-ld"
	} else if v, from := m.first("og:locale", "content-language", "language", "dc.language"); lang.Normalize(v) != "" {
		a.Language, p["language"] = lang.Normalize(v), from
	}
	if a.Title == "" {
		delete(p, "title")
	}
}

// fillAuthors chooses the byline as printed and the people in it.
// Structured data is trusted for names; the visible byline for how the
// credit reads.
func fillAuthors(a *dateline.Article, m *metadata, hd header) {
	p := a.Provenance
	var people []string
	for _, n := range m.jsonld.authors {
		people = append(people, authorsFrom(n)...)
	}
	switch {
	case hd.byline != "" && (len(people) == 0 || mentionsAny(hd.byline, people)):
		a.Byline, p["byline"] = hd.byline, "text"
	case len(m.jsonld.authors) > 0:
		a.Byline, p["byline"] = strings.Join(m.jsonld.authors, ", "), "json-ld"
	default:
		for _, k := range []string{"author", "article:author", "parsely-author", "dc.creator", "sailthru.author", "byl", "twitter:creator"} {
			v := m.metas[k]
			// A profile URL, a @handle or a user name is not a credit.
			if v == "" || strings.Contains(v, "://") || strings.HasPrefix(v, "@") {
				continue
			}
			if b := cleanByline(v); b != "" {
				a.Byline, p["byline"] = b, "meta:"+k
				break
			}
		}
	}
	if len(people) > 0 {
		a.Authors, p["authors"] = dedupe(people), "json-ld"
		return
	}
	if a.Byline != "" {
		if people = authorsFrom(a.Byline); len(people) > 0 {
			a.Authors, p["authors"] = people, p["byline"]
		}
	}
}

// mentionsAny reports whether the byline names one of the people.
func mentionsAny(byline string, people []string) bool {
	b := strings.ToLower(byline)
	for _, n := range people {
		if strings.Contains(b, strings.ToLower(n)) {
			return true
		}
	}
	return false
}

// finish derives the fields computed from the body.
func finish(a *dateline.Article) {
	a.Text = strings.Join(a.Paragraphs, "\n\n")
	a.WordCount = countWords(a.Text)
	if a.Language == "" {
		if l := lang.Detect(a.Text); l != "" {
			a.Language, a.Provenance["language"] = l, "text"
		}
	}
	if a.Dateline == "" {
		if place := datelineOf(a.Paragraphs[0]); place != "" {
			a.Dateline, a.Provenance["dateline"] = place, "text"
		}
	}
}

func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if isLetterOrDigit(r) {
			if !in {
				n++
			}
			in = true
		} else if r != '\'' && r != '’' && r != '-' {
			in = false
		}
	}
	return n
}

// resolve makes ref absolute against base when base is a URL.
func resolve(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if base == "" {
		return ref
	}
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}

// onlyLinks reports whether a body is nothing but link text — a menu or a
// list of headlines, not an article.
func onlyLinks(blocks []block) bool {
	for _, b := range blocks {
		if b.link*2 < len(b.text) {
			return false
		}
	}
	return true
}
