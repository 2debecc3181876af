package sqlite

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
)

// Search answers in time bounded by the size of a page, not by how common
// the words are. At 100,000 articles the first plan, which scored every
// match with BM25 and joined each to its version and its article before
// sorting, took 100 to 550 ms for "president", "tax*" or a date range
// (p99 445 ms over cmd/benchstore's twenty searches; 85 ms of a search
// for 35,000 matches was the join to versions alone). Now:
//
//   - search_fts is keyed by the search key (searchkey.go): the article
//     ID is in the key, so hits need no join to versions, and FTS5's
//     rowid order is by publication day;
//   - filters are FTS5 words (tags) and rowid ranges (dates), which FTS5
//     applies while it reads the index, so counting the matches is a
//     count over the index alone (3 ms for 40,000 matches), run beside
//     the ranking;
//   - BM25 scores at most rankWindow matches, the newest (see there);
//   - facets are counted over the best FacetWindow of those, entities
//     from the tags of those rows rather than from mentions;
//   - snippets are cut in Go (snippet.go).
//
// Title words weigh 5 body words in BM25 and tags nothing, so a filter
// changes which articles match but not their scores.
const bm25Weights = "bm25(search_fts, 5.0, 1.0, 0.0)"

// rankWindow is how many matches BM25 ranks: when more match, it ranks
// the rankWindow newest and counts the rest. Scoring costs FTS5 about
// 1.5 µs a match and a word here (it reads each match's positions and its
// length), so ranking all 40,000 articles that say "president" took 57 ms
// of CPU, more than a whole search may take; 2,000 take 5 ms. A query
// with fewer matches, as most queries of two words or with a filter at
// 100,000 articles, is ranked exactly as before. Where more match, the
// words are common ones, whose BM25 tells articles apart little, and the
// newest articles are what a reader of news wants: over the benchmark's
// queries at 100,000 articles the 20 hits so chosen score 97-100% of the
// BM25 of the 20 best of all matches (85% for "republican OR democrat"),
// 98-100% with 4,000, which cost 3 ms more a query.
const rankWindow = 2000

// plan is a search query as FTS5 and the search key see it.
type plan struct {
	// text is the words as an FTS5 expression over title and body, ""
	// when the query has none.
	text string
	// match is text and the tag filters, "" when there are neither.
	match string
	// lo and hi bound the search key: the date filter.
	lo, hi int64
	// none is set when a filter names an entity the store does not know:
	// nothing can match.
	none bool
}

type windowRow struct {
	ref     dateline.ArticleRef
	version int64
	score   float64
	tags    string
}

// Search ranks by BM25 when there is text, else lists the newest first.
// Hits and facets come from one window of the best max(offset+limit,
// FacetWindow) rows; the total is counted only when the window is full.
func (s *Store) Search(ctx context.Context, q dateline.SearchQuery) (*dateline.SearchResult, error) {
	limit, offset, err := page(q.Limit, q.Offset)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	p, err := s.plan(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	size := offset + limit
	if q.Facets {
		size = max(size, dateline.FacetWindow)
	}
	var window []windowRow
	total := 0
	if !p.none {
		counted, cancel := s.countBeside(ctx, p)
		defer cancel()
		if window, err = s.window(ctx, p, size); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		if len(window) == size {
			n, err := counted()
			if err != nil {
				return nil, fmt.Errorf("search: count: %w", err)
			}
			total = n
		}
	}
	// The count read its own snapshot: never report fewer than were read.
	res := &dateline.SearchResult{Total: max(total, len(window)), Hits: []dateline.SearchHit{}}
	for i := offset; i < min(offset+limit, len(window)); i++ {
		res.Hits = append(res.Hits, dateline.SearchHit{ArticleRef: window[i].ref, Score: -window[i].score})
	}
	if err := s.snippets(ctx, queryTerms(q.Text), res.Hits, window[min(offset, len(window)):]); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if q.Facets {
		if res.Facets, err = s.facets(ctx, window); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}
	return res, nil
}

// page checks and defaults a limit and an offset.
func page(limit, offset int) (int, int, error) {
	switch {
	case limit < 0 || limit > dateline.MaxLimit:
		return 0, 0, fmt.Errorf("%w: limit must be 1..%d", dateline.ErrInvalid, dateline.MaxLimit)
	case offset < 0 || offset > dateline.MaxOffset:
		return 0, 0, fmt.Errorf("%w: offset must be 0..%d", dateline.ErrInvalid, dateline.MaxOffset)
	case limit == 0:
		limit = dateline.DefaultLimit
	}
	return limit, offset, nil
}

// plan turns the words into an FTS5 expression confined to title and
// body, and each filter into tags or a key range.
func (s *Store) plan(ctx context.Context, q dateline.SearchQuery) (plan, error) {
	var p plan
	expr, err := ftsQuery(q.Text)
	if err != nil {
		return p, err
	}
	var parts []string
	if expr != "" {
		p.text = expr
		parts = append(parts, "("+expr+")")
	}
	if q.Site != "" {
		parts = append(parts, quoteFTS(siteTag(q.Site)))
	}
	if q.Language != "" {
		parts = append(parts, quoteFTS(languageTag(q.Language)))
	}
	for _, f := range []struct {
		v   string
		tag func(int64) string
	}{{q.Entity, entityTag}, {q.Speaker, speakerTag}} {
		if f.v == "" {
			continue
		}
		ids, err := s.entitiesNamed(ctx, f.v)
		if err != nil {
			return p, err
		}
		if len(ids) == 0 {
			p.none = true
			continue
		}
		tags := make([]string, len(ids))
		for i, id := range ids {
			tags[i] = quoteFTS(f.tag(id))
		}
		parts = append(parts, "("+strings.Join(tags, " OR ")+")")
	}
	for _, d := range []string{q.From, q.To} {
		if _, err := time.Parse("2006-01-02", d); d != "" && err != nil {
			return p, fmt.Errorf("%w: date %q is not YYYY-MM-DD", dateline.ErrInvalid, d)
		}
	}
	p.lo, p.hi = keyRange(q.From, q.To)
	p.match = strings.Join(parts, " AND ")
	return p, nil
}

// maxNamed bounds how many entities one name may stand for in a filter.
const maxNamed = 50

// entitiesNamed resolves a filter's entity: a store entity ID, or every
// entity of that exact name in any case.
func (s *Store) entitiesNamed(ctx context.Context, v string) ([]int64, error) {
	if id, err := strconv.ParseInt(v, 10, 64); err == nil {
		return []int64{id}, nil
	}
	rows, err := s.read.QueryContext(ctx, `SELECT id FROM entities WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT ?`, v, maxNamed)
	if err != nil {
		return nil, fmt.Errorf("entity filter: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("entity filter: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Each window query selects these columns of the article and its row.
const windowColumns = `a.id, a.title, a.url, a.site, a.day, a.language, a.version_id, a.search_tags`

// window returns the best size rows of p: by BM25 over the newest
// rankWindow matches when there are words, else the newest.
func (s *Store) window(ctx context.Context, p plan, size int) ([]windowRow, error) {
	var query string
	args := []any{p.match, p.lo, p.hi, size}
	mask := strconv.Itoa(keyIDMask)
	switch {
	case p.text != "":
		// The innermost query stops after the newest matches (FTS5 reads
		// in rowid order) and scores only those.
		query = `SELECT ` + windowColumns + `, r.score FROM (
				SELECT key, score FROM (
					SELECT rowid AS key, ` + bm25Weights + ` AS score FROM search_fts
					WHERE search_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid DESC LIMIT ?5)
				ORDER BY score, key & ` + mask + ` LIMIT ?4) r
			JOIN articles a ON a.id = r.key & ` + mask + `
			ORDER BY r.score, a.id`
		args = append(args, max(s.rankWindow, size))
	case p.match != "":
		query = `SELECT ` + windowColumns + `, 0.0 FROM (
				SELECT rowid AS key FROM search_fts
				WHERE search_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid DESC LIMIT ?4) r
			JOIN articles a ON a.id = r.key & ` + mask + `
			ORDER BY r.key DESC`
	default:
		query = `SELECT ` + windowColumns + `, 0.0 FROM articles a
			WHERE a.search_key BETWEEN ? AND ? ORDER BY a.search_key DESC LIMIT ?`
		args = args[1:]
	}
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var window []windowRow
	for rows.Next() {
		var w windowRow
		r := &w.ref
		if err := rows.Scan(&r.ID, &r.Title, &r.URL, &r.Site, &r.Published, &r.Language, &w.version, &w.tags, &w.score); err != nil {
			return nil, err
		}
		window = append(window, w)
	}
	return window, rows.Err()
}

// countBeside starts counting p's matches on another connection, beside
// the ranking: the count reads every match where the ranking stops at
// rankWindow, and it is needed when the window fills, which is when it
// costs the most. counted waits for the count; cancel abandons it.
func (s *Store) countBeside(ctx context.Context, p plan) (counted func() (int, error), cancel func()) {
	type result struct {
		n   int
		err error
	}
	ctx, cancel = context.WithCancel(ctx)
	c := make(chan result, 1)
	go func() {
		n, err := s.count(ctx, p)
		c <- result{n, err}
	}()
	return func() (int, error) {
		r := <-c
		return r.n, r.err
	}, cancel
}

// count counts every match of p: over the index alone, never ranking.
func (s *Store) count(ctx context.Context, p plan) (int, error) {
	query := `SELECT count(*) FROM search_fts WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ?`
	args := []any{p.match, p.lo, p.hi}
	if p.match == "" {
		query = `SELECT count(*) FROM articles WHERE search_key BETWEEN ? AND ?`
		args = args[1:]
	}
	var n int
	err := s.read.QueryRowContext(ctx, query, args...).Scan(&n)
	return n, err
}
