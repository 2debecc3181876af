// Package dateline holds the domain types that flow through the news
// pipeline: acquire -> extract -> understand -> organise -> keep and serve.
//
// Stage packages (extract, pubdate, ner, ...) turn inputs into these values;
// they import this package and nothing else of ours, so each stage can be
// tested and reused alone. The ingest and cmd packages wire the stages.
package dateline

// Article is the clean, structured reading of one news page.
//
// Field names in JSON are part of dateline's public contract: tools and
// users rely on them, so they are never renamed.
type Article struct {
	// Source names where the input came from: a file path, a URL, "-" for
	// standard input, or a WARC record id.
	Source       string `json:"source"`
	URL          string `json:"url,omitempty"`
	CanonicalURL string `json:"canonical_url,omitempty"`

	Title    string `json:"title"`
	Subtitle string `json:"subtitle,omitempty"`
	// Byline is the credit line as printed ("TIS Desk", "By Jane Doe, Reuters").
	Byline string `json:"byline,omitempty"`
	// Authors lists people only: desks, agencies and "Staff" stay in Byline.
	Authors  []string `json:"authors"`
	Dateline string   `json:"dateline,omitempty"`

	// Published and Modified are RFC 3339 timestamps, or a bare date
	// (2025-08-16) where only the day is known.
	Published string `json:"published,omitempty"`
	Modified  string `json:"modified,omitempty"`

	Language string   `json:"language,omitempty"`
	SiteName string   `json:"site_name,omitempty"`
	Section  string   `json:"section,omitempty"`
	Tags     []string `json:"tags,omitempty"`
	Image    string   `json:"image,omitempty"`

	// Paragraphs is the body in reading order; headings are paragraphs of
	// their own.
	Paragraphs []string `json:"paragraphs"`
	// Text is Paragraphs joined by a blank line. Offsets produced by later
	// stages (entities, quotes) are code-point offsets into Text.
	Text      string `json:"text"`
	WordCount int    `json:"word_count"`

	// Provenance says, for each metadata field, where its value came from
	// ("json-ld", "meta:og:title", "time-element", "url", "text", ...), so a
	// user can see why a date or an author was chosen.
	Provenance map[string]string `json:"provenance,omitempty"`
}
