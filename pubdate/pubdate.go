// Package pubdate finds when a news or blog page was published and last
// modified.
//
// It weighs the signals a page gives, most trusted first: schema.org
// JSON-LD (datePublished, dateModified), <meta> tags (Open Graph article
// times, Dublin Core, CMS and analytics conventions), microdata
// (itemprop=datePublished), <time> elements, elements whose class or id
// names a date, the date in the URL path, and finally dates written in
// the text ("Veröffentlicht am 23. Dezember 2016"). Where a date is seen
// matters as much as how: dates in comments, sidebars and footers belong
// to other pages or to readers.
//
// The approach follows htmldate (Adrien Barbaresi, "htmldate: A Python
// package to extract publication dates from web pages", JOSS 2020):
// metadata first, then markup, then text, with plausibility bounds; the
// code is our own and matches dates over tokens rather than regular
// expressions, in one walk over the tree.
package pubdate

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// Dates is what a page says about when it was published and modified.
type Dates struct {
	// Published is RFC 3339 ("2025-08-16T05:12:00+05:30") when a time and
	// offset are known, else a bare date ("2025-08-16"); "" if none.
	Published string
	// PublishedFrom names the signal: "json-ld", "meta:article:published_time",
	// "itemprop:datePublished", "time-element", "abbr", "class", "url", "text".
	PublishedFrom string
	Modified      string
	ModifiedFrom  string
}

// Trust of each kind of signal. A candidate's score is its trust plus a
// bonus for sitting in the article or its header, minus a penalty for
// comments, sidebars and footers; the highest score wins, and among equals
// the first in the document.
const (
	trustJSONLDArticle = 100 // datePublished of an Article/BlogPosting
	trustMetaStrong    = 95  // article:published_time and kin
	trustItemprop      = 90  // microdata datePublished
	trustJSONLDOther   = 85  // datePublished of a WebPage or untyped object
	trustTimePub       = 80  // <time pubdate> or <time class="published">
	trustClassPub      = 75  // class="published", "entry-date", "posted-on"
	trustURL           = 105 // /2016/12/23/ in the path: set when the page was made
	trustMetaWeak      = 65  // <meta name="date"> and kin
	trustTime          = 55  // any other <time>
	trustClassDate     = 50  // class="date", "time"
	trustTextCue       = 48  // "Veröffentlicht am ..." in the text
	trustClassMeta     = 45  // class="meta", "byline"
	trustText          = 30  // any date in the text
	trustScript        = 10  // a date in JSON app state, when nothing else is found
	trustAbbrBonus     = 2
)

// Find looks for dates in a parsed page. pageURL may be "" (the URL is one
// signal). doc comes from html.Parse; a nil doc gives no dates.
func Find(doc *html.Node, pageURL string) Dates {
	if doc == nil {
		return Dates{}
	}
	c := collector{cands: make([]cand, 0, 32), dayFirst: true}
	c.walk(doc)
	if st, ok := dateFromURL(pageURL); ok {
		c.add(st, "url", trustURL, false, 0)
	}
	c.textPass()
	if len(c.cands) == 0 {
		c.lastResort()
	}
	c.demoteListings()
	c.nearTitle()
	return decide(c.cands)
}

// decide picks the publication and modification dates among the
// candidates.
func decide(cands []cand) Dates {
	pub, hasPub := choosePublished(cands)
	mod, hasMod := best(cands, true, minModTrust)
	if !hasPub && hasMod {
		// A page that only says when it was last revised is best dated
		// by that.
		pub, hasPub = mod, true
	}
	var d Dates
	if hasPub {
		d.Published, d.PublishedFrom = withTime(cands, pub).String(), pub.from
	}
	if hasMod && (!hasPub || !mod.st.before(pub.st)) {
		d.Modified, d.ModifiedFrom = withTime(cands, mod).String(), mod.from
	}
	return d
}

// choosePublished picks the publication date. Metadata (JSON-LD, meta
// tags, microdata) is trusted most, but readers and annotators take the
// date the page shows: when the page shows the metadata's modification
// date and not its publication date, the page presents itself as of that
// day, and that is its date.
func choosePublished(cands []cand) (cand, bool) {
	pub, ok := best(cands, false, noMinTrust)
	if ok && pub.shown {
		// Only weak evidence of publication: a page that plainly says when
		// it was last changed (wikis, terms of service) is dated by that.
		if mod, ok := best(cands, true, noMinTrust); ok && mod.shown && mod.trust > pub.trust && pub.trust < trustTextCue {
			mod.mod = false
			return mod, true
		}
	}
	if !ok || pub.shown {
		return pub, ok
	}
	if shown(cands, pub.st) {
		return pub, true
	}
	if pub.from == "url" {
		if mod, ok := best(cands, true, trustJSONLDOther); ok && mod.st.key() > pub.st.key() && shown(cands, mod.st) {
			mod.mod = false
			return mod, true
		}
		return pub, true
	}
	// The metadata's date appears nowhere on the page. If the page shows
	// its modification date, or a date in a dated element of the article,
	// that is the date readers see.
	if mod, ok := best(cands, true, trustJSONLDOther); ok && mod.st.key() != pub.st.key() && shown(cands, mod.st) {
		mod.mod = false
		return mod, true
	}
	if s, ok := firstShownInArticle(cands); ok {
		return s, true
	}
	return pub, true
}

// firstShownInArticle returns the first date of a <time> or dated element
// in the article, outside comments, asides and footers.
func firstShownInArticle(cands []cand) (cand, bool) {
	var b cand
	found := false
	for _, c := range cands {
		if !c.shown || c.mod || c.from == "text" || c.ctx&cArticle == 0 || c.ctx&(cComment|cAside|cFooter) != 0 {
			continue
		}
		if !found || c.order < b.order {
			b, found = c, true
		}
	}
	return b, found
}

// shown reports whether a date on the same day as st is visible on the
// page: in a <time> element, a dated element or the text.
func shown(cands []cand, st stamp) bool {
	for _, c := range cands {
		if c.shown && c.st.key() == st.key() && c.ctx&(cComment|cAside) == 0 {
			return true
		}
	}
	return false
}

// withTime returns c's stamp, with the time and offset of another
// candidate of the same kind on the same day when c has none (the URL
// gives the day, JSON-LD the time).
func withTime(cands []cand, c cand) stamp {
	if c.st.hasTime && c.st.hasZone {
		return c.st
	}
	var b *cand
	for i := range cands {
		k := &cands[i]
		if k.mod == c.mod && k.st.hasTime && k.st.hasZone && k.st.key() == c.st.key() && (b == nil || k.trust > b.trust) {
			b = k
		}
	}
	if b == nil {
		return c.st
	}
	return b.st
}

// Dates shown right by the page title (the first <h1>) are the article's
// own: on the corpus, the first date within 20 nodes after the title is
// the publication date 96% of the time.
const (
	nearTitleNodes  = 20
	nearTitleBonus  = 10
	closeTitleNodes = 50
	closeTitleBonus = 5
)

// nearTitle raises the trust of dates shown near the page title.
func (c *collector) nearTitle() {
	if c.h1Order == 0 {
		return
	}
	for i := range c.cands {
		k := &c.cands[i]
		if !k.shown || k.ctx&cComment != 0 {
			continue
		}
		d := k.order - c.h1Order
		if d < 0 {
			d = -d
		}
		switch {
		case d <= nearTitleNodes:
			k.trust += nearTitleBonus
		case d <= closeTitleNodes:
			k.trust += closeTitleBonus
		}
	}
}

// A run of same-kind dates on many different days is a listing (more
// articles, an archive, a comment thread): none of them is the page's own.
const (
	listingDays    = 3
	listingPenalty = 15
)

// demoteListings lowers the trust of <time> and dated elements that recur
// with at least listingDays different days in the same kind of place.
func (c *collector) demoteListings() {
	type group struct {
		from  string
		trust int
	}
	days := make(map[group][listingDays]int, 8)
	counts := make(map[group]int, 8)
	for _, k := range c.cands {
		if !k.shown || k.from == "text" {
			continue
		}
		g := group{k.from, k.trust}
		n := counts[g]
		if n >= listingDays {
			continue
		}
		seen := days[g]
		dup := false
		for i := 0; i < n; i++ {
			if seen[i] == k.st.key() {
				dup = true
			}
		}
		if !dup {
			seen[n] = k.st.key()
			days[g] = seen
			counts[g] = n + 1
		}
	}
	for i := range c.cands {
		k := &c.cands[i]
		if k.shown && k.from != "text" && counts[group{k.from, k.trust}] >= listingDays {
			k.trust -= listingPenalty
		}
	}
}

// noMinTrust lets best consider every candidate.
const noMinTrust = -1 << 30

// minModTrust keeps modification dates from comments and sidebars out of
// Dates.Modified ("updated" there is about something else).
const minModTrust = 20

// best picks the most trusted publication (or modification) date.
func best(cands []cand, mod bool, minTrust int) (cand, bool) {
	var b cand
	found := false
	for _, c := range cands {
		if c.mod != mod || c.trust < minTrust {
			continue
		}
		if !found || c.trust > b.trust || (c.trust == b.trust && c.order < b.order) {
			b, found = c, true
		}
	}
	return b, found
}

// dayFirst reports whether n/n/yyyy reads as day/month/year in the page's
// language: everywhere but in American English (and plain "en", which US
// sites use more than others).
func dayFirst(lang string) bool {
	l := strings.ToLower(strings.TrimSpace(lang))
	return !(l == "en" || l == "en-us" || l == "en_us")
}

// unixStamp reads Unix time in seconds (10 digits) or milliseconds (13).
func unixStamp(s string) (stamp, bool) {
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return stamp{}, false
	}
	if len(s) == 13 {
		v /= 1000
	}
	t := time.Unix(v, 0).UTC()
	st := stamp{y: t.Year(), m: int(t.Month()), d: t.Day(), hh: t.Hour(), mm: t.Minute(), ss: t.Second(), hasTime: true, hasZone: true}
	return st, st.valid()
}
