package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/datelinehq/dateline"
)

// MaxCopies is how many syndicated copies an article page lists.
const MaxCopies = 50

// Article returns the current version of article id.
func (s *Store) Article(ctx context.Context, id int64) (*dateline.StoredArticle, error) {
	var (
		out            dateline.StoredArticle
		copyOf         sql.NullInt64
		text, ingested string
		doc            []byte
	)
	err := s.read.QueryRowContext(ctx, `SELECT a.id, a.versions, a.copy_of, v.n, v.text, v.doc, v.ingested
		FROM articles a JOIN versions v ON v.id = a.version_id WHERE a.id = ?`, id).
		Scan(&out.ID, &out.Versions, &copyOf, &out.Version, &text, &doc, &ingested)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, dateline.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	if out.Analysis, err = decodeDoc(doc, text); err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	out.Ingested = parseTime(ingested)
	if out.EntityIDs, err = s.entityIDs(ctx, out.Entities); err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	if copyOf.Valid {
		refs, err := s.refs(ctx, `SELECT id, title, url, site, day, language FROM articles WHERE id = ?`, copyOf.Int64)
		if err != nil {
			return nil, fmt.Errorf("article %d: original: %w", id, err)
		}
		if len(refs) > 0 {
			out.CopyOf = &refs[0]
		}
	}
	out.Copies, err = s.refs(ctx, `SELECT id, title, url, site, day, language FROM articles WHERE copy_of = ? ORDER BY id LIMIT ?`, id, MaxCopies)
	if err != nil {
		return nil, fmt.Errorf("article %d: copies: %w", id, err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT key FROM keys WHERE article_id = ? ORDER BY key`, id)
	if err != nil {
		return nil, fmt.Errorf("article %d: keys: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("article %d: keys: %w", id, err)
		}
		out.Keys = append(out.Keys, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("article %d: keys: %w", id, err)
	}
	return &out, nil
}

// entityIDs maps an analysis's entity IDs to store entity IDs.
func (s *Store) entityIDs(ctx context.Context, ents []dateline.Entity) (map[string]int64, error) {
	out := map[string]int64{}
	for _, e := range ents {
		var id int64
		err := s.read.QueryRowContext(ctx, `SELECT id FROM entities WHERE key = ?`, entityKey(e)).Scan(&id)
		switch {
		case err == nil:
			out[e.ID] = id
		case !errors.Is(err, sql.ErrNoRows):
			return nil, fmt.Errorf("entity ids: %w", err)
		}
	}
	return out, nil
}

// refs runs a query selecting id, title, url, site, day, language.
func (s *Store) refs(ctx context.Context, query string, args ...any) ([]dateline.ArticleRef, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dateline.ArticleRef
	for rows.Next() {
		var r dateline.ArticleRef
		if err := rows.Scan(&r.ID, &r.Title, &r.URL, &r.Site, &r.Published, &r.Language); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Versions lists every version of article id, oldest first.
func (s *Store) Versions(ctx context.Context, id int64) ([]dateline.Version, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT n, hash, title, text, ingested FROM versions WHERE article_id = ? ORDER BY n`, id)
	if err != nil {
		return nil, fmt.Errorf("versions %d: %w", id, err)
	}
	defer rows.Close()
	var out []dateline.Version
	for rows.Next() {
		var v dateline.Version
		var ingested string
		if err := rows.Scan(&v.N, &v.Hash, &v.Title, &v.Text, &ingested); err != nil {
			return nil, fmt.Errorf("versions %d: %w", id, err)
		}
		v.Ingested = parseTime(ingested)
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("versions %d: %w", id, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("versions %d: %w", id, dateline.ErrNotFound)
	}
	return out, nil
}
