package ingest_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/ingest"
	"github.com/datelinehq/dateline/internal/corpus"
)

// TestCorpusSearch ingests the seed, the WCXB dev pages and the PolNeAR
// training texts, as the definition of done asks, and checks that
// the seed ranks first for its story and that its two renderings (plain
// text and HTML) are one story.
func TestCorpusSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus ingest is slow; skipped with -short")
	}
	seed := corpus.Dir(t, "seed")
	wcxb := corpus.Dir(t, "extract/wcxb-dev/html")
	polnear := corpus.Dir(t, "quotes/polnear/train/text")
	s := openStore(t)
	st, err := ingest.New(ingest.Options{Store: s}).Run(context.Background(), []string{seed, wcxb, polnear})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("ingest: %+v (%.0f inputs/s)", st, st.Rate())
	if st.Added < 1500 {
		t.Errorf("only %d articles added", st.Added)
	}
	res, err := s.Search(context.Background(), dateline.SearchQuery{Text: "ceasefire Ukraine"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 {
		t.Fatal("no hits for ceasefire Ukraine")
	}
	top, err := s.Article(context.Background(), res.Hits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(top.Source, filepath.Join(seed, "alaska-summit")) {
		t.Errorf("first hit is %s %q, want the seed article", top.Source, top.Title)
	}
	if len(top.Copies) != 1 && len(top.Keys) != 2 {
		t.Errorf("seed article has copies %+v and keys %v: want its other rendering linked", top.Copies, top.Keys)
	}
	for _, h := range res.Hits[1:] {
		if strings.Contains(h.Title, "Alaska Summit") {
			t.Errorf("the seed story appears twice: %d %q", h.ID, h.Title)
		}
	}
}
