// Package feed reads the lists a news site publishes of its articles — RSS
// 0.9x, 1.0 (RDF) and 2.0, Atom, JSON Feed, XML and text sitemaps with
// their Google News extension, sitemap indexes and OPML subscription lists
// — and finds the feeds a home page advertises.
//
// Real feeds are messy: encodings declared wrongly, HTML entities that XML
// does not define, missing or odd dates, relative links. Parse accepts all
// of that and yields what it can rather than failing on the first flaw; it
// fails only when the input is not a feed at all.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"time"
)

// Kind names a feed format.
type Kind string

// The formats Parse reads.
const (
	RSS          Kind = "rss" // RSS 0.9x and 2.0
	RDF          Kind = "rdf" // RSS 0.90 and 1.0
	Atom         Kind = "atom"
	JSON         Kind = "json" // JSON Feed 1.0 and 1.1
	Sitemap      Kind = "sitemap"
	SitemapIndex Kind = "sitemapindex"
	OPML         Kind = "opml"
)

// Item is one entry of a feed: an article, or for a sitemap index or an
// OPML file, another feed.
type Item struct {
	// URL is the absolute address of the article or feed.
	URL string `json:"url"`
	// Title is plain text, entities decoded and tags removed.
	Title string `json:"title,omitempty"`
	// Published is the publication time; zero when the feed gave none.
	Published time.Time `json:"published,omitzero"`
	// Updated is the last modification (Atom updated, sitemap lastmod);
	// zero when unknown.
	Updated time.Time `json:"updated,omitzero"`
	// ID is the feed's own identifier of the entry (RSS guid, Atom id).
	ID string `json:"id,omitempty"`
	// Author is the first author's name, when given.
	Author string `json:"author,omitempty"`
	// Language is a Google News sitemap's news:language.
	Language string `json:"language,omitempty"`
}

// When returns the time the item is sorted by: Published, else Updated.
func (it Item) When() time.Time {
	if !it.Published.IsZero() {
		return it.Published
	}
	return it.Updated
}

// Feed is a parsed feed.
type Feed struct {
	Kind  Kind
	Title string
	// Link is the site's home page when the feed names it.
	Link string
	// Items are the articles, newest first; undated items follow the
	// dated ones in document order.
	Items []Item
	// Feeds are further feeds to read: the sitemaps of a sitemap index,
	// the outlines of an OPML file. Newest first when dated.
	Feeds []Item
}

// ErrNotFeed reports an input that is none of the formats Parse reads,
// such as an HTML page (see Discover).
var ErrNotFeed = errors.New("not a feed")

// Parse reads a feed of any supported kind, telling them apart by their
// content. base is the address the feed was fetched from; relative links
// are resolved against it (and against any xml:base the feed declares).
func Parse(data []byte, base string) (*Feed, error) {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	var (
		f   *Feed
		err error
	)
	switch {
	case len(trimmed) == 0:
		return nil, fmt.Errorf("parse feed: %w: empty", ErrNotFeed)
	case trimmed[0] == '{':
		f, err = parseJSON(trimmed, base)
	case isTextSitemap(trimmed):
		f = parseTextSitemap(trimmed, base)
	default:
		f, err = parseXML(data, base)
	}
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	sortNewest(f.Items)
	sortNewest(f.Feeds)
	return f, nil
}

// sortNewest orders items newest first, undated last, stably so that the
// feed's own order breaks ties.
func sortNewest(items []Item) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].When(), items[j].When()
		if a.IsZero() || b.IsZero() {
			return !a.IsZero() && b.IsZero()
		}
		return a.After(b)
	})
}
