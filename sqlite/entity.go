package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/datelinehq/dateline"
)

// Bounds on an entity page, so that a person named in half the corpus
// still loads quickly.
const (
	entityQuotes     = 50
	entityArticles   = 20
	entityCoMentions = 20
	entityRoles      = 20
	// coMentionWindow is how many of the entity's most recent articles
	// co-mentions are counted over.
	coMentionWindow = 2000
)

// Entities lists entities whose name contains q.Text, most mentioned first.
func (s *Store) Entities(ctx context.Context, q dateline.EntityQuery) ([]dateline.EntitySummary, error) {
	limit, _, err := page(q.Limit, 0)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	if len(q.Text) > dateline.MaxQueryBytes {
		return nil, fmt.Errorf("entities: %w: query longer than %d bytes", dateline.ErrInvalid, dateline.MaxQueryBytes)
	}
	query := `SELECT id, name, type, kind, articles FROM entities WHERE articles > 0`
	var args []any
	if q.Text != "" {
		query += ` AND name LIKE ? ESCAPE '\'`
		args = append(args, "%"+escapeLike(strings.TrimSpace(q.Text))+"%")
	}
	if q.Type != "" {
		query += ` AND type = ?`
		args = append(args, strings.ToUpper(q.Type))
	}
	query += ` ORDER BY articles DESC, id LIMIT ?`
	rows, err := s.read.QueryContext(ctx, query, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	defer rows.Close()
	out := []dateline.EntitySummary{}
	for rows.Next() {
		var e dateline.EntitySummary
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.Kind, &e.Articles); err != nil {
			return nil, fmt.Errorf("entities: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return out, nil
}

// escapeLike escapes LIKE's wildcards so a name is matched as written.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Entity returns the profile of entity id.
func (s *Store) Entity(ctx context.Context, id int64) (*dateline.EntityProfile, error) {
	p := &dateline.EntityProfile{}
	err := s.read.QueryRowContext(ctx, `SELECT id, name, type, kind, articles FROM entities WHERE id = ?`, id).
		Scan(&p.ID, &p.Name, &p.Type, &p.Kind, &p.Articles)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("entity %d: %w", id, dateline.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	if p.Timeline, err = s.counts(ctx, `SELECT substr(day, 1, 7), count(*) FROM mentions WHERE entity_id = ? GROUP BY 1 ORDER BY 1`, id); err != nil {
		return nil, fmt.Errorf("entity %d: timeline: %w", id, err)
	}
	if p.Roles, err = s.roles(ctx, id); err != nil {
		return nil, fmt.Errorf("entity %d: roles: %w", id, err)
	}
	if p.Quotes, err = s.Quotes(ctx, dateline.QuoteQuery{Speaker: fmt.Sprint(id), Limit: entityQuotes}); err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	p.CoMentions, err = s.entityCounts(ctx, `WITH recent AS (
			SELECT article_id FROM mentions WHERE entity_id = ?1 ORDER BY day DESC LIMIT ?2)
		SELECT e.id, e.name, e.type, e.kind, e.articles, count(*) AS n
		FROM recent r JOIN mentions m ON m.article_id = r.article_id JOIN entities e ON e.id = m.entity_id
		WHERE m.entity_id != ?1 GROUP BY e.id ORDER BY n DESC, e.articles DESC LIMIT ?3`, id, coMentionWindow, entityCoMentions)
	if err != nil {
		return nil, fmt.Errorf("entity %d: co-mentions: %w", id, err)
	}
	p.Recent, err = s.refs(ctx, `SELECT a.id, a.title, a.url, a.site, a.day, a.language
		FROM mentions m JOIN articles a ON a.id = m.article_id
		WHERE m.entity_id = ? ORDER BY m.day DESC, a.id DESC LIMIT ?`, id, entityArticles)
	if err != nil {
		return nil, fmt.Errorf("entity %d: articles: %w", id, err)
	}
	if p.Recent == nil {
		p.Recent = []dateline.ArticleRef{}
	}
	return p, nil
}

func (s *Store) roles(ctx context.Context, id int64) ([]dateline.RoleSeen, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT role, affiliation, count(*) AS n FROM mentions
		WHERE entity_id = ? AND role != '' GROUP BY role COLLATE NOCASE, affiliation ORDER BY n DESC, role LIMIT ?`, id, entityRoles)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []dateline.RoleSeen{}
	for rows.Next() {
		var r dateline.RoleSeen
		if err := rows.Scan(&r.Role, &r.Affiliation, &r.Count); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// counts runs a query selecting a value and a count.
func (s *Store) counts(ctx context.Context, query string, args ...any) ([]dateline.Count, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []dateline.Count{}
	for rows.Next() {
		var c dateline.Count
		if err := rows.Scan(&c.Value, &c.Count); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
