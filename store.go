package dateline

import (
	"context"
	"errors"
	"math/bits"
	"time"
)

// Errors returned by Store implementations. Callers branch on them with
// errors.Is; the HTTP API maps each to one status code.
var (
	// ErrNotFound: no article, entity or version has the ID asked for.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: a query or document is malformed or over a limit (too
	// many terms, a bad date, an empty document).
	ErrInvalid = errors.New("invalid request")
)

// Store keeps analysed articles and answers the questions the API and the
// web UI ask of them. Every method is safe for concurrent use; reads may
// run while a Put is in progress and see either the state before it or
// after it, never half of it.
//
// The SQLite implementation lives in package sqlite; package storetest is
// the suite every implementation must pass.
type Store interface {
	// Put saves one document and decides its identity (see PutOutcome):
	// a key or content seen before never makes a second article. It
	// returns ErrInvalid for a document without a key.
	Put(ctx context.Context, d *Document) (PutResult, error)
	// PutBatch saves documents in order as Put does, all in one
	// transaction: either every one is saved or none is. Batches amortise
	// the cost of a commit over many articles during bulk ingest.
	PutBatch(ctx context.Context, ds []*Document) ([]PutResult, error)
	// Article returns the current version of an article with its links to
	// entities and copies, or ErrNotFound.
	Article(ctx context.Context, id int64) (*StoredArticle, error)
	// Versions lists every version of an article, oldest first, or
	// ErrNotFound.
	Versions(ctx context.Context, id int64) ([]Version, error)
	// Search runs a full-text query ranked by BM25, or ErrInvalid when the
	// query is malformed or over the limits.
	Search(ctx context.Context, q SearchQuery) (*SearchResult, error)
	// Entities lists entities whose name matches, most mentioned first.
	Entities(ctx context.Context, q EntityQuery) ([]EntitySummary, error)
	// Entity returns what is known about one entity, or ErrNotFound.
	Entity(ctx context.Context, id int64) (*EntityProfile, error)
	// Quotes finds quotations by speaker and words, newest first; it
	// returns ErrInvalid when the words are malformed.
	Quotes(ctx context.Context, q QuoteQuery) ([]QuoteHit, error)
	// Stats counts what the store holds. It reads whole tables: use Ping
	// for health checks.
	Stats(ctx context.Context) (StoreStats, error)
	// Ping reports whether the store answers, cheaply.
	Ping(ctx context.Context) error
	// Close releases the store; it must not be used afterwards.
	Close() error
}

// Fingerprint is how an article is recognised when it comes again: by
// address, by exact content, or by nearly the same content. Package dedup
// computes it.
type Fingerprint struct {
	// Keys are the article's identities, most specific first: normalised
	// canonical URL, normalised URL, or "source:" and the input name when
	// the page has no address.
	Keys []string `json:"keys"`
	// Hash is a digest of the normalised title and text: equal hashes mean
	// the same content however it was formatted.
	Hash string `json:"hash"`
	// SimHash is a 64-bit SimHash over word shingles; 0 means the text was
	// too short to compare.
	SimHash uint64 `json:"simhash"`
}

// NearDistance is the largest Hamming distance between two SimHashes that
// still counts as the same story (Manku, Jain and Das Sarma, "Detecting
// near-duplicates for web crawling", WWW 2007, use 3 of 64 bits).
const NearDistance = 3

// Near reports whether two fingerprints are near-duplicates.
func (f Fingerprint) Near(g Fingerprint) bool {
	if f.SimHash == 0 || g.SimHash == 0 {
		return false
	}
	return bits.OnesCount64(f.SimHash^g.SimHash) <= NearDistance
}

// Document is what ingest hands a Store: an analysed article and its
// fingerprint.
type Document struct {
	Analysis
	Fingerprint Fingerprint `json:"fingerprint"`
}

// PutOutcome says what Put did with a document.
type PutOutcome string

const (
	// Added: a new article.
	Added PutOutcome = "added"
	// Unchanged: a key already known with content already stored; nothing
	// was written.
	Unchanged PutOutcome = "unchanged"
	// Revised: a key already known with new content; a new version was
	// added and the old one kept.
	Revised PutOutcome = "revised"
	// Duplicate: a new key with content already stored under another key;
	// the key now leads to that article.
	Duplicate PutOutcome = "duplicate"
	// Copy: a new article nearly the same as an existing one (a syndicated
	// copy); it is kept, linked to the first, and left out of search,
	// entity and quote results so the story counts once.
	Copy PutOutcome = "copy"
)

// PutResult reports the outcome of Put.
type PutResult struct {
	ID      int64      `json:"id"`
	Version int        `json:"version"`
	Outcome PutOutcome `json:"outcome"`
	// CopyOf is the original when Outcome is Copy.
	CopyOf int64 `json:"copy_of,omitempty"`
}

// ArticleRef is the short form of an article used in lists.
type ArticleRef struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Site      string `json:"site,omitempty"`
	Published string `json:"published,omitempty"`
	Language  string `json:"language,omitempty"`
}

// StoredArticle is an article as the store holds it: the current version's
// analysis and how it links to the rest of the store.
type StoredArticle struct {
	Analysis
	ID       int64     `json:"id"`
	Version  int       `json:"version"`
	Versions int       `json:"versions"`
	Ingested time.Time `json:"ingested"`
	// EntityIDs maps the analysis's own entity IDs (Entity.ID, Quote.Speaker)
	// to store-wide entity IDs, for links to entity pages.
	EntityIDs map[string]int64 `json:"entity_ids,omitempty"`
	// CopyOf is the original when this article is a syndicated copy;
	// Copies lists the copies of this one.
	CopyOf *ArticleRef  `json:"copy_of,omitempty"`
	Copies []ArticleRef `json:"copies,omitempty"`
	Keys   []string     `json:"keys,omitempty"`
}

// Version is one stored content of an article.
type Version struct {
	N        int       `json:"n"`
	Hash     string    `json:"hash"`
	Title    string    `json:"title"`
	Text     string    `json:"text"`
	Ingested time.Time `json:"ingested"`
}

// SearchQuery asks for articles. The zero value of a filter means "any".
type SearchQuery struct {
	// Text is the full-text query: words (all required), "quoted phrases",
	// OR between words, and -word to exclude. It may be empty when a
	// filter is given.
	Text     string
	Site     string
	Language string
	// From and To bound the publication day, inclusive, as YYYY-MM-DD.
	From, To string
	// Entity and Speaker are a store entity ID or an exact name (any
	// case): articles that mention the entity, or quote the speaker.
	Entity  string
	Speaker string
	Limit   int
	Offset  int
	// Facets asks for counts by site, entity, language and month over the
	// best-ranked matches.
	Facets bool
}

// Limits on queries, so one request cannot occupy the store.
const (
	MaxQueryBytes = 512
	MaxQueryTerms = 16
	MaxLimit      = 100
	MaxOffset     = 10000
	DefaultLimit  = 20
)

// SearchResult is one page of ranked hits.
type SearchResult struct {
	// Total counts all matches, not only this page.
	Total  int         `json:"total"`
	Hits   []SearchHit `json:"hits"`
	Facets *Facets     `json:"facets,omitempty"`
}

// SearchHit is one matching article, best first.
type SearchHit struct {
	ArticleRef
	Score   float64       `json:"score"`
	Snippet []SnippetPart `json:"snippet"`
}

// SnippetPart is a piece of a snippet; Match marks the words that matched.
// Snippets are split rather than marked up so no consumer ever has to trust
// markup built from article text.
type SnippetPart struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

// Facets counts matches by field. They are computed over the best
// FacetWindow matches, which keeps them fast on common words.
type Facets struct {
	Sites     []Count       `json:"sites"`
	Languages []Count       `json:"languages"`
	Months    []Count       `json:"months"`
	Entities  []EntityCount `json:"entities"`
}

// FacetWindow is how many of the best matches facets are counted over.
const FacetWindow = 1000

// Count is a value and how many articles have it.
type Count struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// EntityCount is an entity and how many articles mention it.
type EntityCount struct {
	EntitySummary
	Count int `json:"count"`
}

// EntityQuery asks for entities by name.
type EntityQuery struct {
	// Text matches names containing it, any case; empty lists all.
	Text string
	// Type keeps only one type (PERSON, ORG, PLACE...).
	Type  string
	Limit int
}

// EntitySummary is the short form of a store-wide entity.
type EntitySummary struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	Kind string `json:"kind,omitempty"`
	// Articles counts the articles mentioning it.
	Articles int `json:"articles"`
}

// EntityProfile is what the store knows of one entity.
type EntityProfile struct {
	EntitySummary
	// Timeline counts articles mentioning it by publication month
	// (YYYY-MM); undated articles are counted under "".
	Timeline []Count `json:"timeline"`
	// Roles are the titles and affiliations articles gave it.
	Roles      []RoleSeen    `json:"roles"`
	Quotes     []QuoteHit    `json:"quotes"`
	CoMentions []EntityCount `json:"co_mentions"`
	Recent     []ArticleRef  `json:"recent_articles"`
}

// RoleSeen is one role an entity was given and in how many articles.
type RoleSeen struct {
	Role        string `json:"role"`
	Affiliation string `json:"affiliation,omitempty"`
	Count       int    `json:"count"`
}

// QuoteQuery asks for quotations.
type QuoteQuery struct {
	// Speaker is a store entity ID or a name (any case, substring of the
	// entity name or of the speaker as written).
	Speaker string
	// Text is a full-text query over the quotation's words.
	Text   string
	Limit  int
	Offset int
}

// QuoteHit is a quotation found in the store.
type QuoteHit struct {
	ID   int64  `json:"id"`
	Text string `json:"text"`
	// SpeakerID is the store entity ID of the speaker, 0 when unresolved;
	// SpeakerName its name, or the speaker as written in the article.
	SpeakerID   int64      `json:"speaker_id,omitempty"`
	SpeakerName string     `json:"speaker_name"`
	Cue         string     `json:"cue,omitempty"`
	Start       int        `json:"start"`
	End         int        `json:"end"`
	Article     ArticleRef `json:"article"`
}

// StoreStats counts what a store holds.
type StoreStats struct {
	Articles int `json:"articles"`
	Copies   int `json:"copies"`
	Versions int `json:"versions"`
	Entities int `json:"entities"`
	Quotes   int `json:"quotes"`
}
