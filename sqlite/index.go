package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/datelinehq/dateline"
)

// entityKey identifies an entity across articles: its type and name in
// lower case. Two articles that name a person the same way are taken to
// mean the same person; resolving "Trump" to "Donald Trump" is the
// analysis's job, not the store's.
func entityKey(e dateline.Entity) string {
	return e.Type + "|" + strings.ToLower(strings.Join(strings.Fields(e.Name), " "))
}

// indexVersion makes version vid of article id findable: full text,
// entity mentions and quotes.
func indexVersion(ctx context.Context, tx *sql.Tx, id, vid int64, d *dateline.Document) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO versions_fts (rowid, title, text) VALUES (?, ?, ?)`, vid, d.Title, d.Text); err != nil {
		return fmt.Errorf("index text: %w", err)
	}
	dd := day(d.Published)
	global := map[string]int64{} // analysis entity ID -> store entity ID
	type mention struct {
		role, affiliation string
		count             int
	}
	mentions := map[int64]*mention{}
	var order []int64
	for _, e := range d.Entities {
		if strings.TrimSpace(e.Name) == "" {
			continue
		}
		var eid int64
		err := tx.QueryRowContext(ctx, `INSERT INTO entities (key, name, type, kind) VALUES (?, ?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET kind = CASE WHEN kind = '' THEN excluded.kind ELSE kind END
			RETURNING id`, entityKey(e), e.Name, e.Type, e.Kind).Scan(&eid)
		if err != nil {
			return fmt.Errorf("save entity: %w", err)
		}
		global[e.ID] = eid
		m := mentions[eid]
		if m == nil {
			m = &mention{}
			mentions[eid] = m
			order = append(order, eid)
		}
		m.count += max(1, len(e.Mentions))
		if m.role == "" {
			m.role, m.affiliation = e.Role, e.Affiliation
		}
	}
	for _, eid := range order {
		m := mentions[eid]
		if _, err := tx.ExecContext(ctx, `INSERT INTO mentions (entity_id, article_id, role, affiliation, count, day) VALUES (?, ?, ?, ?, ?, ?)`,
			eid, id, m.role, m.affiliation, m.count, dd); err != nil {
			return fmt.Errorf("save mention: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE entities SET articles = articles + 1 WHERE id = ?`, eid); err != nil {
			return fmt.Errorf("count mention: %w", err)
		}
	}
	for _, q := range d.Quotes {
		if strings.TrimSpace(q.Text) == "" {
			continue
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO quotes (article_id, entity_id, speaker_text, text, cue, start, end, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			id, nullID(global[q.Speaker]), q.SpeakerText, q.Text, q.Cue, q.Start, q.End, dd)
		if err != nil {
			return fmt.Errorf("save quote: %w", err)
		}
		qid, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("save quote: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)`, qid, q.Text); err != nil {
			return fmt.Errorf("index quote: %w", err)
		}
	}
	return nil
}

// unindex removes version vid of article id from the indexes, before a
// newer version takes its place. FTS5 external-content deletes need the
// old values, which are still in their tables.
func unindex(ctx context.Context, tx *sql.Tx, id, vid int64) error {
	stmts := []struct {
		what, sql string
		arg       int64
	}{
		{"text", `INSERT INTO versions_fts (versions_fts, rowid, title, text) SELECT 'delete', id, title, text FROM versions WHERE id = ?`, vid},
		{"entity counts", `UPDATE entities SET articles = articles - 1 WHERE id IN (SELECT entity_id FROM mentions WHERE article_id = ?)`, id},
		{"mentions", `DELETE FROM mentions WHERE article_id = ?`, id},
		{"quote text", `INSERT INTO quotes_fts (quotes_fts, rowid, text) SELECT 'delete', id, text FROM quotes WHERE article_id = ?`, id},
		{"quotes", `DELETE FROM quotes WHERE article_id = ?`, id},
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.sql, st.arg); err != nil {
			return fmt.Errorf("unindex %s: %w", st.what, err)
		}
	}
	return nil
}
