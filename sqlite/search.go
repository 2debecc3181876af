package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
)

// Title words weigh more than body words in BM25: a story about a
// ceasefire says so in its headline.
const bm25Weights = "bm25(versions_fts, 5.0, 1.0)"

// snippetWords is the length of a search snippet.
const snippetWords = 28

// Markers FTS5's snippet() puts around matches; control characters that
// extracted text never holds.
const markOpen, markClose = "\x02", "\x03"

type windowRow struct {
	ref     dateline.ArticleRef
	version int64
	score   float64
}

// Search ranks by BM25 when there is text, else lists the newest first.
// Hits and facets come from one ranked window of at least FacetWindow
// rows, so facets cost one extra query (entities) and the total one count
// only when the window is full.
func (s *Store) Search(ctx context.Context, q dateline.SearchQuery) (*dateline.SearchResult, error) {
	limit, offset, err := page(q.Limit, q.Offset)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	expr, err := ftsQuery(q.Text)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	where, args, err := searchFilters(q)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	size := offset + limit
	if q.Facets {
		size = max(size, dateline.FacetWindow)
	}
	// With text, the full-text match drives: it is materialised first so
	// that the planner never walks a filter's index and runs the match once
	// per row (which took 700 ms for a date range over 2,000 articles).
	var with, from string
	var fargs []any
	order, score := ` ORDER BY a.day DESC, a.id DESC`, "0.0"
	if expr != "" {
		with = `WITH m AS MATERIALIZED (SELECT rowid AS vid, ` + bm25Weights + ` AS score FROM versions_fts WHERE versions_fts MATCH ?) `
		from = `FROM m JOIN versions v ON v.id = m.vid JOIN articles a ON a.id = v.article_id WHERE a.copy_of IS NULL` + where
		fargs = append([]any{expr}, args...)
		order, score = ` ORDER BY m.score, a.id`, "m.score"
	} else {
		from = `FROM articles a WHERE a.copy_of IS NULL` + where
		fargs = args
	}
	rows, err := s.read.QueryContext(ctx, with+`SELECT a.id, a.title, a.url, a.site, a.day, a.language, `+score+`, a.version_id `+from+order+` LIMIT ?`,
		append(fargs, size)...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	var window []windowRow
	for rows.Next() {
		var w windowRow
		if err := rows.Scan(&w.ref.ID, &w.ref.Title, &w.ref.URL, &w.ref.Site, &w.ref.Published, &w.ref.Language, &w.score, &w.version); err != nil {
			rows.Close()
			return nil, fmt.Errorf("search: %w", err)
		}
		window = append(window, w)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	res := &dateline.SearchResult{Total: len(window), Hits: []dateline.SearchHit{}}
	if len(window) == size {
		// Counting needs no ranking: without filters the index alone
		// answers (it holds only current versions of originals).
		count := with + `SELECT count(*) ` + from
		switch {
		case expr != "" && where == "":
			count = `SELECT count(*) FROM versions_fts WHERE versions_fts MATCH ?`
		case expr != "":
			count = `WITH m AS MATERIALIZED (SELECT rowid AS vid FROM versions_fts WHERE versions_fts MATCH ?) SELECT count(*) ` + from
		}
		if err := s.read.QueryRowContext(ctx, count, fargs...).Scan(&res.Total); err != nil {
			return nil, fmt.Errorf("search: count: %w", err)
		}
	}
	for i := offset; i < min(offset+limit, len(window)); i++ {
		res.Hits = append(res.Hits, dateline.SearchHit{ArticleRef: window[i].ref, Score: -window[i].score})
	}
	if err := s.snippets(ctx, expr, res.Hits, window[min(offset, len(window)):]); err != nil {
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

// searchFilters builds the AND clauses (each starting with " AND ") for
// the filters of q.
func searchFilters(q dateline.SearchQuery) (string, []any, error) {
	var b strings.Builder
	var args []any
	if q.Site != "" {
		b.WriteString(` AND a.site = ? COLLATE NOCASE`)
		args = append(args, q.Site)
	}
	if q.Language != "" {
		b.WriteString(` AND a.language = ? COLLATE NOCASE`)
		args = append(args, q.Language)
	}
	for _, d := range []struct{ op, v string }{{">=", q.From}, {"<=", q.To}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return "", nil, fmt.Errorf("%w: date %q is not YYYY-MM-DD", dateline.ErrInvalid, d.v)
		}
		b.WriteString(` AND a.day != '' AND a.day ` + d.op + ` ?`)
		args = append(args, d.v)
	}
	if q.Entity != "" {
		sel, arg := entitySelect(q.Entity)
		b.WriteString(` AND a.id IN (SELECT article_id FROM mentions WHERE entity_id IN (` + sel + `))`)
		args = append(args, arg)
	}
	if q.Speaker != "" {
		sel, arg := entitySelect(q.Speaker)
		b.WriteString(` AND a.id IN (SELECT article_id FROM quotes WHERE entity_id IN (` + sel + `))`)
		args = append(args, arg)
	}
	return b.String(), args, nil
}

// entitySelect selects entity IDs by ID, or by exact name in any case.
func entitySelect(v string) (string, any) {
	if id, err := strconv.ParseInt(v, 10, 64); err == nil {
		return `SELECT ?`, id
	}
	return `SELECT id FROM entities WHERE name = ? COLLATE NOCASE`, v
}

// snippets fills the hits' snippets: FTS5 snippets around the matches for
// text queries, the opening words otherwise.
func (s *Store) snippets(ctx context.Context, expr string, hits []dateline.SearchHit, window []windowRow) error {
	if len(hits) == 0 {
		return nil
	}
	byVersion := map[int64]int{}
	var ids []int64
	for i := range hits {
		byVersion[window[i].version] = i
		ids = append(ids, window[i].version)
	}
	idJSON, _ := json.Marshal(ids)
	query := `SELECT id, substr(text, 1, 300) FROM versions WHERE id IN (SELECT value FROM json_each(?))`
	args := []any{string(idJSON)}
	if expr != "" {
		query = fmt.Sprintf(`SELECT rowid, snippet(versions_fts, 1, char(2), char(3), '…', %d) FROM versions_fts
			WHERE versions_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`, snippetWords)
		args = []any{expr, string(idJSON)}
	}
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("snippets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var vid int64
		var snip string
		if err := rows.Scan(&vid, &snip); err != nil {
			return fmt.Errorf("snippets: %w", err)
		}
		if i, ok := byVersion[vid]; ok {
			hits[i].Snippet = splitSnippet(snip)
		}
	}
	return rows.Err()
}

// splitSnippet cuts a marked snippet into plain and matching parts.
func splitSnippet(s string) []dateline.SnippetPart {
	var out []dateline.SnippetPart
	for s != "" {
		i := strings.Index(s, markOpen)
		if i < 0 {
			out = append(out, dateline.SnippetPart{Text: strings.ReplaceAll(s, markClose, "")})
			break
		}
		if i > 0 {
			out = append(out, dateline.SnippetPart{Text: s[:i]})
		}
		s = s[i+len(markOpen):]
		j := strings.Index(s, markClose)
		if j < 0 {
			j = len(s)
		}
		out = append(out, dateline.SnippetPart{Text: s[:j], Match: true})
		s = s[min(len(s), j+len(markClose)):]
	}
	return out
}

// facetSize is how many values each facet lists.
const facetSize = 10

func (s *Store) facets(ctx context.Context, window []windowRow) (*dateline.Facets, error) {
	sites, langs, months := map[string]int{}, map[string]int{}, map[string]int{}
	ids := make([]int64, 0, len(window))
	for _, w := range window {
		if w.ref.Site != "" {
			sites[w.ref.Site]++
		}
		if w.ref.Language != "" {
			langs[w.ref.Language]++
		}
		if len(w.ref.Published) >= 7 {
			months[w.ref.Published[:7]]++
		}
		ids = append(ids, w.ref.ID)
	}
	f := &dateline.Facets{
		Sites:     topCounts(sites, facetSize),
		Languages: topCounts(langs, facetSize),
		Months:    topCounts(months, 0),
	}
	sort.Slice(f.Months, func(i, j int) bool { return f.Months[i].Value < f.Months[j].Value })
	idJSON, _ := json.Marshal(ids)
	var err error
	f.Entities, err = s.entityCounts(ctx, `SELECT e.id, e.name, e.type, e.kind, e.articles, count(*) AS n
		FROM mentions m JOIN entities e ON e.id = m.entity_id
		WHERE m.article_id IN (SELECT value FROM json_each(?))
		GROUP BY e.id ORDER BY n DESC, e.articles DESC LIMIT ?`, string(idJSON), facetSize)
	if err != nil {
		return nil, fmt.Errorf("facets: %w", err)
	}
	return f, nil
}

// topCounts sorts counts, largest first, and keeps n (0: all).
func topCounts(m map[string]int, n int) []dateline.Count {
	out := make([]dateline.Count, 0, len(m))
	for v, c := range m {
		out = append(out, dateline.Count{Value: v, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// entityCounts runs a query selecting id, name, type, kind, articles, count.
func (s *Store) entityCounts(ctx context.Context, query string, args ...any) ([]dateline.EntityCount, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []dateline.EntityCount{}
	for rows.Next() {
		var e dateline.EntityCount
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.Kind, &e.Articles, &e.Count); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
