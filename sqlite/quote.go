package sqlite

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/datelinehq/dateline"
)

// Quotes finds quotations, newest first. A speaker given by name matches
// the entity name or the speaker as the article wrote it.
func (s *Store) Quotes(ctx context.Context, q dateline.QuoteQuery) ([]dateline.QuoteHit, error) {
	limit, offset, err := page(q.Limit, q.Offset)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	if len(q.Speaker) > dateline.MaxQueryBytes {
		return nil, fmt.Errorf("quotes: %w: speaker longer than %d bytes", dateline.ErrInvalid, dateline.MaxQueryBytes)
	}
	expr, err := ftsQuery(q.Text)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	var where []string
	var args []any
	if sp := strings.TrimSpace(q.Speaker); sp != "" {
		if id, err := strconv.ParseInt(sp, 10, 64); err == nil {
			where = append(where, `q.entity_id = ?`)
			args = append(args, id)
		} else {
			like := "%" + escapeLike(sp) + "%"
			where = append(where, `(q.entity_id IN (SELECT id FROM entities WHERE name LIKE ? ESCAPE '\') OR q.speaker_text LIKE ? ESCAPE '\')`)
			args = append(args, like, like)
		}
	}
	if expr != "" {
		where = append(where, `q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)`)
		args = append(args, expr)
	}
	query := `SELECT q.id, q.text, coalesce(q.entity_id, 0), coalesce(e.name, q.speaker_text), q.cue, q.start, q.end,
			a.id, a.title, a.url, a.site, a.day, a.language
		FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.entity_id`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	query += ` ORDER BY q.day DESC, q.id DESC LIMIT ? OFFSET ?`
	rows, err := s.read.QueryContext(ctx, query, append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	defer rows.Close()
	out := []dateline.QuoteHit{}
	for rows.Next() {
		var h dateline.QuoteHit
		a := &h.Article
		if err := rows.Scan(&h.ID, &h.Text, &h.SpeakerID, &h.SpeakerName, &h.Cue, &h.Start, &h.End,
			&a.ID, &a.Title, &a.URL, &a.Site, &a.Published, &a.Language); err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	return out, nil
}
