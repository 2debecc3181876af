package pubdate

import (
	"bytes"
	"strings"
)

// classKind says what an element's class or id says about a date in it.
type classKind uint8

const (
	classNone classKind = iota
	classMeta           // post metadata or byline: may hold a date
	classDate           // a date or time
	classPub            // the publication date
	classMod            // the last-modified date
)

// Class and id fragments, lower case. Each group is tried in order; the
// fragments come from WordPress and other common blog and news themes.
var (
	commentWords = []string{"comment", "kommentar", "respond", "reply", "disqus", "discussion", "antwort"}
	asideWords   = []string{"sidebar", "widget", "related", "recent", "navigation", "menu", "breadcrumb", "teaser", "popular", "pagination", "similar", "newsticker", "ticker"}
	footerWords  = []string{"footer"}
	articleWords = []string{"hentry", "post", "entry", "article", "story", "content", "beitrag", "artikel"}
	headerWords  = []string{"header", "meta", "byline", "info", "head"}

	modWords  = []string{"updated", "modified", "aktualisiert", "lastmod", "last-mod", "changed"}
	pubWords  = []string{"publish", "pubdate", "posted", "entry-date", "entry_date", "post-date", "postdate", "post_date", "article-date", "article_date", "created", "veroeffentlicht", "erstellt"}
	dateWords = []string{"date", "datum", "time", "zeit", "dateline"}
	metaWords = []string{"meta", "byline", "info", "author", "autor"}
)

// classify reads an element's class and id. Each class name is read on
// its own; layout modifiers such as "with-sidebar", "has-comments" or
// "no-sidebars" describe the container, not what it holds, and are skipped.
func classify(class, id string) (flags uint16, kind classKind) {
	var kinds [5]bool
	visit := func(tok string) {
		if tok == "" || isModifier(tok) {
			return
		}
		var buf [64]byte
		b := buf[:0]
		for i := 0; i < len(tok) && len(b) < cap(b); i++ {
			c := tok[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		if containsAny(b, commentWords) {
			flags |= cComment
		}
		if containsAny(b, asideWords) {
			flags |= cAside
		}
		if containsAny(b, footerWords) {
			flags |= cFooter
		}
		if containsAny(b, articleWords) {
			flags |= cArticle
		}
		if containsAny(b, headerWords) {
			flags |= cHeader
		}
		switch {
		case containsAny(b, pubWords):
			kinds[classPub] = true
		case containsAny(b, modWords):
			kinds[classMod] = true
		case containsAny(b, dateWords):
			kinds[classDate] = true
		case containsAny(b, metaWords):
			kinds[classMeta] = true
		}
	}
	for len(class) > 0 {
		class = strings.TrimLeft(class, " \t\n\r\f")
		i := strings.IndexAny(class, " \t\n\r\f")
		if i < 0 {
			i = len(class)
		}
		visit(class[:i])
		class = class[i:]
	}
	visit(strings.TrimSpace(id))
	for _, k := range [...]classKind{classPub, classMod, classDate, classMeta} {
		if kinds[k] {
			return flags, k
		}
	}
	return flags, classNone
}

// isModifier reports whether a class name is a layout modifier.
func isModifier(tok string) bool {
	for _, p := range [...]string{"with-", "has-", "no-", "without-", "not-"} {
		if len(tok) > len(p) && strings.EqualFold(tok[:len(p)], p) {
			return true
		}
	}
	return false
}

func containsAny(s []byte, words []string) bool {
	for _, w := range words {
		if bytes.Contains(s, []byte(w)) {
			return true
		}
	}
	return false
}

// trustForClass is the trust of a date in an element of the given kind.
func trustForClass(kind classKind, ctx uint16) int {
	t := 0
	switch kind {
	case classPub:
		t = trustClassPub
	case classMod:
		t = trustClassPub
	case classDate:
		t = trustClassDate
	case classMeta:
		t = trustClassMeta
	default:
		t = trustClassMeta
	}
	return t + placeBonus(ctx) - contextPenalty(ctx)
}

// contextPenalty lowers the trust of dates in comments, sidebars and
// footers outside the article.
func contextPenalty(ctx uint16) int {
	p := 0
	if ctx&cComment != 0 {
		p += 60
	}
	if ctx&cAside != 0 {
		p += 30
	}
	if ctx&cFooter != 0 && ctx&cArticle == 0 {
		p += 15
	}
	return p
}

// placeBonus raises dates in the article and its header.
func placeBonus(ctx uint16) int {
	b := 0
	if ctx&cHeader != 0 {
		b += 3
	}
	if ctx&cArticle != 0 {
		b += 3
	}
	return b
}
