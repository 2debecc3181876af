package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/ingest"
	"github.com/datelinehq/dateline/sqlite"
	"github.com/datelinehq/dateline/storetest"
)

func openStore(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func write(t *testing.T, dir, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func page(title, body string) string {
	return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" +
		strings.ReplaceAll(body, ". ", ".</p><p>") + "</p></article></body></html>"
}

func TestRunIsIdempotent(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.html", page("Harbour reopens", storetest.Text("harbour", 1)))
	write(t, dir, "b.html", page("Bridge closes", storetest.Text("bridge", 2)))
	write(t, dir, "b-again.html", page("Bridge closes", storetest.Text("bridge", 2)))
	write(t, dir, "c-reprint.html", page("Harbour reopens (reprint)", storetest.Text("harbour", 1)+" Reporting by the wire service"))
	write(t, dir, "data.json", `{"not": "a page"}`)
	s := openStore(t)
	var mu sync.Mutex
	var last ingest.Stats
	p := ingest.New(ingest.Options{Store: s, Workers: 3, Progress: func(st ingest.Stats) { mu.Lock(); last = st; mu.Unlock() }})
	st, err := p.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	want := ingest.Stats{Read: 5, Added: 2, Duplicates: 1, Copies: 1, Failed: 1}
	st.Elapsed = 0
	if st != want {
		t.Errorf("first run %+v, want %+v", st, want)
	}
	if last.Read != 5 || last.Added != 2 {
		t.Errorf("last progress %+v, want 5 read, 2 added", last)
	}
	st, err = p.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if st.Unchanged != 4 || st.Added != 0 || st.Failed != 1 {
		t.Errorf("second run %+v, want 4 unchanged", st)
	}
	stats, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != 2 || stats.Copies != 1 || stats.Versions != 3 {
		t.Errorf("store %+v, want 2 articles, 1 copy, 3 versions", stats)
	}
}

func TestChangedFileIsNewVersion(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t)
	p := ingest.New(ingest.Options{Store: s})
	write(t, dir, "a.html", page("Harbour reopens", storetest.Text("harbour", 1)))
	if _, err := p.Run(context.Background(), []string{dir}); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "a.html", page("Harbour reopens after repairs", storetest.Text("harbour", 1)))
	st, err := p.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if st.Revised != 1 {
		t.Fatalf("second run %+v, want 1 revised", st)
	}
	res, err := s.Search(context.Background(), dateline.SearchQuery{Text: "repairs"})
	if err != nil || res.Total != 1 {
		t.Fatalf("search new title: %+v %v", res, err)
	}
	vs, err := s.Versions(context.Background(), res.Hits[0].ID)
	if err != nil || len(vs) != 2 {
		t.Fatalf("versions: %d %v, want 2", len(vs), err)
	}
}

func TestAnalyzerIsUsed(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.html", page("Harbour reopens", storetest.Text("harbour", 1)))
	s := openStore(t)
	analyze := func(a dateline.Article) dateline.Analysis {
		an := ingest.NoAnalysis(a)
		an.Analysed = true
		an.Entities = []dateline.Entity{{ID: "e1", Name: "Harbour Board", Type: "ORG"}}
		return an
	}
	if _, err := ingest.New(ingest.Options{Store: s, Analyze: analyze}).Run(context.Background(), []string{dir}); err != nil {
		t.Fatal(err)
	}
	ents, err := s.Entities(context.Background(), dateline.EntityQuery{Text: "harbour"})
	if err != nil || len(ents) != 1 {
		t.Fatalf("entities %+v %v, want Harbour Board", ents, err)
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.html", page("Harbour reopens", storetest.Text("harbour", 1)))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ingest.New(ingest.Options{Store: openStore(t)}).Run(ctx, []string{dir})
	if err == nil {
		t.Fatal("Run with a cancelled context: no error")
	}
}
