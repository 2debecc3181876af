package pubdate

import (
	"encoding/json"
	"sort"
	"strings"
)

// maxJSONDepth bounds the descent into JSON-LD documents.
const maxJSONDepth = 24

// jsonLD reads schema.org dates from one JSON-LD script: datePublished,
// dateCreated and dateModified of the objects in it, including @graph and
// arrays. Dates of article-like objects are trusted most; those of
// comments, reviews, events, people and the like are ignored.
func (c *collector) jsonLD(src string) {
	if len(src) > maxJSONLDBytes {
		return
	}
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		c.jsonLDScan(src)
		return
	}
	c.order++
	c.jsonValue(v, 0, false)
}

// jsonValue walks one JSON value. inOther is set below objects whose dates
// are not the page's (comments, reviews...).
func (c *collector) jsonValue(v any, depth int, inOther bool) {
	if depth > maxJSONDepth {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			c.jsonValue(e, depth+1, inOther)
		}
	case map[string]any:
		kind := jsonKind(x["@type"])
		other := inOther || kind == jsonOther
		if !other {
			trust := trustJSONLDOther
			if kind == jsonArticle {
				trust = trustJSONLDArticle
			}
			for _, key := range [...]string{"datePublished", "dateCreated", "uploadDate"} {
				if s, ok := x[key].(string); ok {
					if st, ok := parseMetaValue(s); ok {
						t := trust
						if key != "datePublished" {
							t -= 2
						}
						c.order++
						c.add(st, "json-ld", t, false, 0)
						break
					}
				}
			}
			if s, ok := x["dateModified"].(string); ok {
				if st, ok := parseMetaValue(s); ok {
					c.add(st, "json-ld", trust, true, 0)
				}
			}
		}
		// Map order is random: visit nested objects in key order so the
		// result does not change from run to run.
		var keys []string
		for k, e := range x {
			switch e.(type) {
			case map[string]any, []any:
			default:
				continue
			}
			// Authors, publishers and images carry dates of their own
			// (birth dates, upload dates) that are not the page's.
			switch k {
			case "author", "publisher", "creator", "image", "logo", "comment", "review", "breadcrumb", "potentialAction", "itemListElement", "isPartOf":
				continue
			}
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			c.jsonValue(x[k], depth+1, other)
		}
	}
}

// JSON-LD object kinds, by @type.
const (
	jsonUnknown = iota
	jsonArticle
	jsonPage
	jsonOther
)

// jsonKind classifies an @type value (a string or an array of them).
func jsonKind(t any) int {
	switch x := t.(type) {
	case string:
		return typeKind(x)
	case []any:
		best := jsonUnknown
		for _, e := range x {
			if s, ok := e.(string); ok {
				k := typeKind(s)
				if k == jsonArticle {
					return k
				}
				if best == jsonUnknown || k == jsonPage {
					best = k
				}
			}
		}
		return best
	}
	return jsonUnknown
}

func typeKind(t string) int {
	switch {
	case strings.HasSuffix(t, "Article"), strings.HasSuffix(t, "Posting"), t == "Report", t == "Blog", t == "Recipe", t == "HowTo":
		return jsonArticle
	case strings.HasSuffix(t, "Page"), t == "VideoObject", t == "CreativeWork", t == "PodcastEpisode":
		return jsonPage
	case t == "":
		return jsonUnknown
	}
	return jsonOther
}

// jsonLDScan reads "datePublished" and "dateModified" from JSON-LD that
// does not parse (trailing commas, raw newlines in strings are common).
func (c *collector) jsonLDScan(src string) {
	for _, key := range [...]string{`"datePublished"`, `"dateModified"`} {
		i := strings.Index(src, key)
		if i < 0 {
			continue
		}
		rest := src[i+len(key):]
		j := 0
		for j < len(rest) && (rest[j] == ' ' || rest[j] == ':' || rest[j] == '\t' || rest[j] == '\n' || rest[j] == '\r') {
			j++
		}
		if j >= len(rest) || rest[j] != '"' {
			continue
		}
		rest = rest[j+1:]
		if k := strings.IndexByte(rest, '"'); k >= 0 {
			if st, ok := parseMetaValue(rest[:k]); ok {
				c.add(st, "json-ld", trustJSONLDOther, key == `"dateModified"`, 0)
			}
		}
	}
}

// scriptKeys are JSON keys that apps embed in page state (Next.js, Nuxt,
// shop and review platforms) for the publication date.
var scriptKeys = []string{`"datePublished"`, `"publishedAt"`, `"published_at"`, `"publishedDate"`,
	`"publishDate"`, `"publish_date"`, `"firstPublished"`, `"createdAt"`, `"created_at"`}

// lastResort looks where dates are rarely the page's, when the markup and
// text have none at all: the meta description, then JSON embedded in
// scripts.
func (c *collector) lastResort() {
	if c.description != "" {
		if st, ok := c.parse(c.description); ok {
			c.add(st, "meta:description", trustScript, false, 0)
			return
		}
	}
	c.scriptPass()
}

// scriptPass reads publication dates from JSON embedded in scripts that
// are not JSON-LD.
func (c *collector) scriptPass() {
	for _, n := range c.scripts {
		src := n.Data
		for _, key := range scriptKeys {
			i := strings.Index(src, key)
			if i < 0 {
				continue
			}
			rest := src[i+len(key):]
			if len(rest) > 64 {
				rest = rest[:64]
			}
			j := strings.IndexByte(rest, '"')
			if j < 0 || strings.TrimLeft(rest[:j], " :\t") != "" {
				continue
			}
			if st, ok := parseStamp(rest[j+1:], false); ok {
				c.add(st, "script", trustScript, false, 0)
				return
			}
		}
	}
}
