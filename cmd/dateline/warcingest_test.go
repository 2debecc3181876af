package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/sqlite"
)

// TestWARCSeedIngestsSameArticle ingests the seed page from its HTML file
// and from a WARC response record of it: each gives the same stored
// article, analysis included, and ingested into one database the two are
// one article with one version.
func TestWARCSeedIngestsSameArticle(t *testing.T) {
	seed, archive := seedWARC(t)

	dir := t.TempDir()
	ingestInto := func(db string, args ...string) string {
		t.Helper()
		var stderr bytes.Buffer
		e := env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &stderr}
		if code := run(context.Background(), e, append([]string{"ingest", "--db", db}, args...)); code != 0 {
			t.Fatalf("ingest %v: exit %d: %s", args, code, stderr.String())
		}
		return stderr.String()
	}
	stored := func(db string) (*dateline.StoredArticle, dateline.StoreStats) {
		t.Helper()
		ctx := context.Background()
		s, err := sqlite.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.Article(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		return a, st
	}
	fileDB, warcDB, bothDB := filepath.Join(dir, "file.db"), filepath.Join(dir, "warc.db"), filepath.Join(dir, "both.db")
	ingestInto(fileDB, seed)
	ingestInto(warcDB, archive)
	fromFile, _ := stored(fileDB)
	fromWARC, _ := stored(warcDB)
	if fromWARC.URL != seedURL || !strings.HasPrefix(fromWARC.Source, archive+"#") {
		t.Errorf("WARC article url %q source %q", fromWARC.URL, fromWARC.Source)
	}
	same := func(name string, a, b any) {
		t.Helper()
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if !bytes.Equal(ja, jb) {
			t.Errorf("%s differs:\nfile %s\nWARC %s", name, ja, jb)
		}
	}
	same("title", fromFile.Title, fromWARC.Title)
	same("subtitle", fromFile.Subtitle, fromWARC.Subtitle)
	same("byline", fromFile.Byline, fromWARC.Byline)
	same("authors", fromFile.Authors, fromWARC.Authors)
	same("dateline", fromFile.Dateline, fromWARC.Dateline)
	same("published", fromFile.Published, fromWARC.Published)
	same("paragraphs", fromFile.Paragraphs, fromWARC.Paragraphs)
	same("canonical URL", fromFile.CanonicalURL, fromWARC.CanonicalURL)
	same("site name", fromFile.SiteName, fromWARC.SiteName)
	same("entities", fromFile.Entities, fromWARC.Entities)
	same("quotes", fromFile.Quotes, fromWARC.Quotes)
	same("events", fromFile.Events, fromWARC.Events)
	if len(fromFile.Entities) == 0 {
		t.Errorf("the seed article has no entities: not analysed")
	}

	ingestInto(bothDB, seed)
	summary := ingestInto(bothDB, archive)
	if _, st := stored(bothDB); st.Articles != 1 || st.Versions != 1 {
		t.Errorf("file then WARC in one database: %+v, want one article with one version (%s)", st, lastLine(summary))
	}
}
