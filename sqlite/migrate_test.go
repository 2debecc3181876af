package sqlite

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline"
)

// TestMigrateSearchIndex opens a database written before migration 0002,
// with an original, a copy and an undated article indexed the old way, and
// checks that search, its filters and the integrity check work after.
func TestMigrateSearchIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	init, err := fs.ReadFile(migrations, "migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`CREATE TABLE migrations (name TEXT PRIMARY KEY)`,
		string(init),
		`INSERT INTO migrations VALUES ('migrations/0001_init.sql')`,
		`INSERT INTO articles (id, url, site, language, day, title, version_id, versions, ingested) VALUES
			(1, 'https://a.example/1', 'Daily Ledger', 'en', '2025-08-15', 'Ceasefire talks', 1, 1, ''),
			(3, 'https://c.example/3', '', '', '', 'Harbour news', 3, 1, '')`,
		`INSERT INTO articles (id, url, site, title, version_id, versions, copy_of, ingested) VALUES
			(2, 'https://b.example/2', 'Other', 'Ceasefire talks (copy)', 2, 1, 1, '')`,
		`INSERT INTO versions (id, article_id, n, hash, title, text, doc, ingested) VALUES
			(1, 1, 1, 'h1', 'Ceasefire talks', 'A ceasefire in Ukraine, Zelenskyy said.', '{}', ''),
			(2, 2, 1, 'h2', 'Ceasefire talks (copy)', 'A ceasefire in Ukraine, Zelenskyy said again.', '{}', ''),
			(3, 3, 1, 'h3', 'Harbour news', 'The harbour reopened.', '{}', '')`,
		`INSERT INTO versions_fts (rowid, title, text) SELECT id, title, text FROM versions WHERE id IN (1, 3)`,
		`INSERT INTO entities (id, key, name, type, articles) VALUES (5, 'PERSON|volodymyr zelenskyy', 'Volodymyr Zelenskyy', 'PERSON', 1)`,
		`INSERT INTO mentions (entity_id, article_id, count, day) VALUES (5, 1, 1, '2025-08-15')`,
		`INSERT INTO quotes (id, article_id, entity_id, text, start, end, day) VALUES (1, 1, 5, 'A ceasefire', 0, 11, '2025-08-15')`,
		`INSERT INTO quotes_fts (rowid, text) VALUES (1, 'A ceasefire')`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%.60s: %v", stmt, err)
		}
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open migrates: %v", err)
	}
	defer s.Close()
	tests := []struct {
		name string
		q    dateline.SearchQuery
		want int64 // article ID, 0 for none
	}{
		{"text", dateline.SearchQuery{Text: "ceasefire"}, 1},
		{"site", dateline.SearchQuery{Text: "ceasefire", Site: "daily ledger"}, 1},
		{"copy's site", dateline.SearchQuery{Site: "Other"}, 0},
		{"language", dateline.SearchQuery{Language: "EN"}, 1},
		{"entity", dateline.SearchQuery{Entity: "volodymyr zelenskyy"}, 1},
		{"speaker", dateline.SearchQuery{Speaker: "5"}, 1},
		{"day", dateline.SearchQuery{From: "2025-08-15", To: "2025-08-15"}, 1},
		{"undated", dateline.SearchQuery{Text: "harbour"}, 3},
		{"undated out of a range", dateline.SearchQuery{Text: "harbour", To: "2030-01-01"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Search(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.want == 0 && res.Total != 0:
				t.Errorf("hits %+v, want none", res.Hits)
			case tt.want != 0 && (res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != tt.want):
				t.Errorf("hits %+v (total %d), want article %d", res.Hits, res.Total, tt.want)
			}
		})
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("Check after migrating: %v", err)
	}
}
