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

// indexVersion makes the current version of article id findable: entity
// mentions, quotes, and the search index under the article's search key
// with its tags (see searchkey.go).
func indexVersion(ctx context.Context, tx *sql.Tx, id int64, d *dateline.Document) error {
	dd := day(d.Published)
	key, err := searchKey(dd, id)
	if err != nil {
		return err
	}
	var tags []string
	if s := site(&d.Article); s != "" {
		tags = append(tags, siteTag(s))
	}
	if d.Language != "" {
		tags = append(tags, languageTag(d.Language))
	}
	global, entities, err := saveMentions(ctx, tx, id, dd, d.Entities)
	if err != nil {
		return err
	}
	for _, eid := range entities {
		tags = append(tags, entityTag(eid))
	}
	speakers, err := saveQuotes(ctx, tx, id, dd, d.Quotes, global)
	if err != nil {
		return err
	}
	for _, sid := range speakers {
		tags = append(tags, speakerTag(sid))
	}
	tagText := strings.Join(tags, " ")
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET search_key = ?, search_tags = ? WHERE id = ?`, key, tagText, id); err != nil {
		return fmt.Errorf("index text: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_fts (rowid, title, text, tags) VALUES (?, ?, ?, ?)`, key, d.Title, d.Text, tagText); err != nil {
		return fmt.Errorf("index text: %w", err)
	}
	return nil
}

// saveMentions saves the entities of article id and one mention row for
// each store entity they are. It returns the analysis's entity IDs mapped
// to store entity IDs, and those store IDs in order.
func saveMentions(ctx context.Context, tx *sql.Tx, id int64, day string, ents []dateline.Entity) (map[string]int64, []int64, error) {
	global := map[string]int64{}
	type mention struct {
		role, affiliation string
		count             int
	}
	mentions := map[int64]*mention{}
	var order []int64
	for _, e := range ents {
		if strings.TrimSpace(e.Name) == "" {
			continue
		}
		var eid int64
		err := tx.QueryRowContext(ctx, `INSERT INTO entities (key, name, type, kind) VALUES (?, ?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET kind = CASE WHEN kind = '' THEN excluded.kind ELSE kind END
			RETURNING id`, entityKey(e), e.Name, e.Type, e.Kind).Scan(&eid)
		if err != nil {
			return nil, nil, fmt.Errorf("save entity: %w", err)
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
			eid, id, m.role, m.affiliation, m.count, day); err != nil {
			return nil, nil, fmt.Errorf("save mention: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE entities SET articles = articles + 1 WHERE id = ?`, eid); err != nil {
			return nil, nil, fmt.Errorf("count mention: %w", err)
		}
	}
	return global, order, nil
}

// saveQuotes saves and indexes the quotes of article id, with speakers
// resolved through global, and returns the store IDs of the speakers.
func saveQuotes(ctx context.Context, tx *sql.Tx, id int64, day string, quotes []dateline.Quote, global map[string]int64) ([]int64, error) {
	var speakers []int64
	seen := map[int64]bool{}
	for _, q := range quotes {
		if strings.TrimSpace(q.Text) == "" {
			continue
		}
		sid := global[q.Speaker]
		if sid != 0 && !seen[sid] {
			seen[sid] = true
			speakers = append(speakers, sid)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO quotes (article_id, entity_id, speaker_text, text, cue, start, end, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			id, nullID(sid), q.SpeakerText, q.Text, q.Cue, q.Start, q.End, day)
		if err != nil {
			return nil, fmt.Errorf("save quote: %w", err)
		}
		qid, err := res.LastInsertId()
		if err != nil {
			return nil, fmt.Errorf("save quote: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)`, qid, q.Text); err != nil {
			return nil, fmt.Errorf("index quote: %w", err)
		}
	}
	return speakers, nil
}

// unindex removes the current version of article id from the indexes,
// before a newer version takes its place. FTS5 external-content deletes
// need the values indexed, which are still in their tables.
func unindex(ctx context.Context, tx *sql.Tx, id int64) error {
	stmts := []struct {
		what, sql string
		arg       int64
	}{
		{"text", `INSERT INTO search_fts (search_fts, rowid, title, text, tags)
			SELECT 'delete', search_key, title, text, tags FROM search_docs WHERE search_key = (SELECT search_key FROM articles WHERE id = ?)`, id},
		{"search key", `UPDATE articles SET search_key = NULL, search_tags = '' WHERE id = ?`, id},
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
