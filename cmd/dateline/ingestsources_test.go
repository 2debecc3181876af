package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestHomePage ingests a news site from its home page: the feed it
// announces is read and every article it lists stored, each fetched once.
func TestIngestHomePage(t *testing.T) {
	site := newStoreSite(t)
	db := filepath.Join(t.TempDir(), "feeds.db")
	var stderr bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &stderr}
	args := []string{"ingest", "--db", db, "--allow-private", "--rate", "200", site.URL + "/"}
	if code := run(context.Background(), e, args); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr.String())
	}
	if want := fmt.Sprintf("%d added", storeSiteArticles); !strings.Contains(stderr.String(), want) {
		t.Errorf("summary: %s, want %s", stderr.String(), want)
	}
	if n := site.refetched(); n != 0 {
		t.Errorf("%d articles fetched more than once", n)
	}
	if st := storedStats(t, db); st.Articles != storeSiteArticles {
		t.Errorf("store holds %+v, want %d articles", st, storeSiteArticles)
	}
}
