package extract

import (
	"encoding/json"
	"strings"
)

// ldArticle holds the fields dateline reads from a page's JSON-LD
// (schema.org) description of itself.
type ldArticle struct {
	headline    string
	description string
	authors     []string
	publisher   string
	section     string
	keywords    []string
	image       string
	language    string
	url         string
	isArticle   bool
}

// articleTypes are the schema.org types that describe the page's story,
// as opposed to the site (Organization, WebSite) or navigation.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"reviewnewsarticle": true, "techarticle": true, "scholarlyarticle": true, "report": true,
	"liveblogposting": true, "socialmediaposting": true, "posting": true, "blog": false,
}

// parseJSONLD reads one <script type="application/ld+json"> block and
// returns the article it describes, if any. Malformed JSON yields nothing:
// JSON-LD is a hint, never a reason to fail a page.
func parseJSONLD(src string) ldArticle {
	var v any
	src = strings.TrimSpace(src)
	src = strings.TrimSuffix(strings.TrimPrefix(src, "<!--"), "-->")
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return ldArticle{}
	}
	var out ldArticle
	visitLD(v, &out, 0)
	return out
}

func visitLD(v any, out *ldArticle, depth int) {
	if depth > 8 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			visitLD(e, out, depth+1)
		}
	case map[string]any:
		if g, ok := t["@graph"]; ok {
			visitLD(g, out, depth+1)
		}
		if isArticleType(t["@type"]) {
			out.merge(readLDArticle(t))
		} else if me, ok := t["mainEntity"]; ok {
			visitLD(me, out, depth+1)
		}
	}
}

func isArticleType(v any) bool {
	switch t := v.(type) {
	case string:
		return articleTypes[strings.ToLower(t)]
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func readLDArticle(m map[string]any) ldArticle {
	a := ldArticle{isArticle: true}
	a.headline = ldString(m["headline"])
	if a.headline == "" {
		a.headline = ldString(m["name"])
	}
	a.description = ldString(m["description"])
	a.authors = ldNames(m["author"])
	a.publisher = firstOf(ldNames(m["publisher"]))
	a.section = firstOf(ldStrings(m["articleSection"]))
	a.keywords = ldStrings(m["keywords"])
	if len(a.keywords) == 1 && strings.Contains(a.keywords[0], ",") {
		a.keywords = splitList(a.keywords[0])
	}
	a.image = ldURL(m["image"])
	a.language = ldString(m["inLanguage"])
	a.url = ldString(m["url"])
	return a
}

// merge fills a's empty fields from b, preferring article descriptions.
func (a *ldArticle) merge(b ldArticle) {
	if !b.isArticle {
		return
	}
	a.isArticle = true
	if a.headline == "" {
		a.headline = b.headline
	}
	if a.description == "" {
		a.description = b.description
	}
	if len(a.authors) == 0 {
		a.authors = b.authors
	}
	if a.publisher == "" {
		a.publisher = b.publisher
	}
	if a.section == "" {
		a.section = b.section
	}
	if len(a.keywords) == 0 {
		a.keywords = b.keywords
	}
	if a.image == "" {
		a.image = b.image
	}
	if a.language == "" {
		a.language = b.language
	}
	if a.url == "" {
		a.url = b.url
	}
}

func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return normSpace(t)
	case []any:
		if len(t) > 0 {
			return ldString(t[0])
		}
	case map[string]any:
		if s, ok := t["@value"].(string); ok {
			return normSpace(s)
		}
	}
	return ""
}

func ldStrings(v any) []string {
	switch t := v.(type) {
	case string:
		if s := normSpace(t); s != "" {
			return []string{s}
		}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, ldStrings(e)...)
		}
		return out
	}
	return nil
}

// ldNames reads a Person/Organization value: a string, an object with a
// name, or a list of either.
func ldNames(v any) []string {
	switch t := v.(type) {
	case string:
		if s := normSpace(t); s != "" {
			return []string{s}
		}
	case map[string]any:
		if s := ldString(t["name"]); s != "" {
			return []string{s}
		}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, ldNames(e)...)
		}
		return out
	}
	return nil
}

func ldURL(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case map[string]any:
		if s := ldString(t["url"]); s != "" {
			return s
		}
		return ldString(t["@id"])
	case []any:
		if len(t) > 0 {
			return ldURL(t[0])
		}
	}
	return ""
}

func firstOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// splitList splits "a, b; c" into trimmed, non-empty items.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '\x00' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
