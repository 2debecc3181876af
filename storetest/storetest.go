// Package storetest is the behaviour every dateline.Store must show: one
// suite, run by each implementation's tests (sqlite today, PostgreSQL
// later), so that the API and the UI can rely on the interface alone.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/dedup"
)

// Open returns a new, empty store for one test; the suite closes it.
type Open func(t *testing.T) dateline.Store

// Run runs the whole suite against stores made by open.
func Run(t *testing.T, open Open) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s dateline.Store)
	}{
		{"PutAndRead", testPutAndRead},
		{"SameKeySameContent", testUnchanged},
		{"SameContentNewKey", testDuplicate},
		{"NewContentSameKey", testRevised},
		{"NearDuplicateIsLinkedCopy", testCopy},
		{"NotFound", testNotFound},
		{"PutWithoutKey", testPutInvalid},
		{"PutBatch", testPutBatch},
		{"SearchRanksTitleFirst", testSearchRank},
		{"SearchFilters", testSearchFilters},
		{"SearchFiltersFollowRevisions", testSearchRevisedFilters},
		{"SearchFacets", testSearchFacets},
		{"SearchLimits", testSearchLimits},
		{"SearchSyntaxIsInert", testSearchSyntax},
		{"Entities", testEntities},
		{"EntityProfile", testEntityProfile},
		{"Quotes", testQuotes},
		{"ConcurrentReadsDuringPuts", testConcurrent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tt.fn(t, s)
		})
	}
}

// Doc builds a document as ingest would: fingerprinted by package dedup.
func Doc(url, title, text string) *dateline.Document {
	a := dateline.Analysis{
		Article: dateline.Article{
			Source: url, URL: url, Title: title, Text: text,
			Paragraphs: strings.Split(text, "\n\n"), Language: "en",
		},
		Analysed: true, Entities: []dateline.Entity{}, Quotes: []dateline.Quote{},
	}
	d := &dateline.Document{Analysis: a}
	d.Fingerprint = dedup.Fingerprint(&d.Article)
	return d
}

// Text makes a distinct article body of about 80 words from a seed word,
// long enough for near-duplicate detection.
func Text(topic string, n int) string {
	var b strings.Builder
	for i := 0; i < 8; i++ {
		fmt.Fprintf(&b, "Report %d on %s: officials number %d said the %s plan %d would change by week %d. ", n, topic, n*7+i, topic, i*n+3, i+n)
	}
	return strings.TrimSpace(b.String())
}

func put(t *testing.T, s dateline.Store, d *dateline.Document) dateline.PutResult {
	t.Helper()
	res, err := s.Put(context.Background(), d)
	if err != nil {
		t.Fatalf("Put(%s): %v", d.URL, err)
	}
	return res
}

func stats(t *testing.T, s dateline.Store) dateline.StoreStats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func search(t *testing.T, s dateline.Store, q dateline.SearchQuery) *dateline.SearchResult {
	t.Helper()
	res, err := s.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return res
}

func ids(res *dateline.SearchResult) []int64 {
	var out []int64
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	return out
}

// summit is an analysed article with entities, roles and quotes.
func summit() *dateline.Document {
	text := "Ukrainian President Volodymyr Zelenskyy said a ceasefire is the only pathway. “Everything concerning Ukraine must be discussed exclusively with Ukraine,” he insisted.\n\n" +
		"Speaking before the summit, Trump said: “I may leave and say, ‘good luck,’ and that’ll be the end,” he told reporters in Anchorage."
	d := Doc("https://news.example/summit", "Trump and Putin meet in Alaska with a Ukraine ceasefire at the forefront", text)
	d.Published = "2025-08-15T20:00:00Z"
	d.SiteName = "Example News"
	d.Entities = []dateline.Entity{
		{ID: "e1", Name: "Volodymyr Zelenskyy", Type: "PERSON", Role: "President", Affiliation: "Ukraine",
			Mentions: []dateline.Span{{Text: "Volodymyr Zelenskyy", Start: 20, End: 39}}},
		{ID: "e2", Name: "Donald Trump", Type: "PERSON", Role: "President", Affiliation: "United States",
			Mentions: []dateline.Span{{Text: "Trump", Start: 180, End: 185}}},
		{ID: "e3", Name: "Ukraine", Type: "PLACE", Kind: "country", Mentions: []dateline.Span{{Text: "Ukraine", Start: 100, End: 107}}},
	}
	d.Quotes = []dateline.Quote{
		{Text: "Everything concerning Ukraine must be discussed exclusively with Ukraine,", Start: 80, End: 150, Speaker: "e1", SpeakerText: "he", Cue: "insisted"},
		{Text: "I may leave and say, ‘good luck,’ and that’ll be the end,", Start: 200, End: 260, Speaker: "e2", SpeakerText: "he", Cue: "told"},
	}
	return d
}

func testPutAndRead(t *testing.T, s dateline.Store) {
	ctx := context.Background()
	d := summit()
	res := put(t, s, d)
	if res.Outcome != dateline.Added || res.Version != 1 || res.ID == 0 {
		t.Fatalf("Put = %+v, want added version 1", res)
	}
	a, err := s.Article(ctx, res.ID)
	if err != nil {
		t.Fatalf("Article: %v", err)
	}
	if a.Title != d.Title || a.Text != d.Text || a.URL != d.URL || len(a.Paragraphs) != 2 {
		t.Errorf("Article = %q %q %d paragraphs, want what was put", a.Title, a.URL, len(a.Paragraphs))
	}
	if len(a.Entities) != 3 || len(a.Quotes) != 2 || a.Quotes[1].Speaker != "e2" {
		t.Errorf("Article has %d entities, %d quotes, want 3 and 2", len(a.Entities), len(a.Quotes))
	}
	if a.EntityIDs["e1"] == 0 || a.EntityIDs["e1"] == a.EntityIDs["e2"] {
		t.Errorf("EntityIDs = %v, want distinct store IDs for e1, e2", a.EntityIDs)
	}
	if a.Version != 1 || a.Versions != 1 || a.Ingested.IsZero() {
		t.Errorf("Article version %d of %d ingested %v", a.Version, a.Versions, a.Ingested)
	}
	if st := stats(t, s); st.Articles != 1 || st.Quotes != 2 || st.Entities != 3 {
		t.Errorf("Stats = %+v, want 1 article, 2 quotes, 3 entities", st)
	}
}

func testUnchanged(t *testing.T, s dateline.Store) {
	first := put(t, s, Doc("https://a.example/1", "One", Text("harbour", 1)))
	again := Doc("https://a.example/1?utm_source=feed", "One", Text("harbour", 1)+"  ")
	res := put(t, s, again)
	if res.Outcome != dateline.Unchanged || res.ID != first.ID || res.Version != 1 {
		t.Errorf("second Put = %+v, want unchanged article %d", res, first.ID)
	}
	if st := stats(t, s); st.Articles != 1 || st.Versions != 1 {
		t.Errorf("Stats = %+v, want 1 article, 1 version", st)
	}
}

func testDuplicate(t *testing.T, s dateline.Store) {
	first := put(t, s, Doc("https://a.example/1", "One", Text("harbour", 1)))
	res := put(t, s, Doc("https://mirror.example/copy", "One", Text("harbour", 1)))
	if res.Outcome != dateline.Duplicate || res.ID != first.ID {
		t.Errorf("Put under a new URL = %+v, want duplicate of %d", res, first.ID)
	}
	res = put(t, s, Doc("https://mirror.example/copy", "One", Text("harbour", 1)))
	if res.Outcome != dateline.Unchanged || res.ID != first.ID {
		t.Errorf("Put again under the new URL = %+v, want unchanged %d", res, first.ID)
	}
	if st := stats(t, s); st.Articles != 1 || st.Versions != 1 {
		t.Errorf("Stats = %+v, want 1 article", st)
	}
	a, err := s.Article(context.Background(), first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Keys) != 2 {
		t.Errorf("Keys = %v, want both URLs", a.Keys)
	}
}

func testRevised(t *testing.T, s dateline.Store) {
	ctx := context.Background()
	d1 := summit()
	first := put(t, s, d1)
	d2 := summit()
	d2.Text = strings.Replace(d2.Text, "the only pathway", "the only pathway to negotiations with Moscow", 1)
	d2.Paragraphs = strings.Split(d2.Text, "\n\n")
	d2.Entities = d2.Entities[:2]
	d2.Fingerprint = dedup.Fingerprint(&d2.Article)
	res := put(t, s, d2)
	if res.Outcome != dateline.Revised || res.ID != first.ID || res.Version != 2 {
		t.Fatalf("Put of changed content = %+v, want revised version 2 of %d", res, first.ID)
	}
	if again := put(t, s, d1); again.Outcome != dateline.Unchanged {
		t.Errorf("Put of the old content again = %+v, want unchanged", again)
	}
	vs, err := s.Versions(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].Text != d1.Text || vs[1].Text != d2.Text || vs[0].N != 1 || vs[1].N != 2 {
		t.Fatalf("Versions = %d, want the old and the new text", len(vs))
	}
	a, err := s.Article(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != d2.Text || a.Version != 2 || a.Versions != 2 {
		t.Errorf("Article is version %d of %d, want 2 of 2 with the new text", a.Version, a.Versions)
	}
	if got := search(t, s, dateline.SearchQuery{Text: "Moscow"}); got.Total != 1 {
		t.Errorf("search for a new word: %d hits, want 1", got.Total)
	}
	if got := search(t, s, dateline.SearchQuery{Text: "ceasefire"}); got.Total != 1 {
		t.Errorf("search after revision: %d hits, want 1 (old version not indexed)", got.Total)
	}
	if ents, _ := s.Entities(ctx, dateline.EntityQuery{Text: "Ukraine"}); len(ents) != 0 {
		t.Errorf("entity dropped by the new version still listed: %+v", ents)
	}
	if st := stats(t, s); st.Articles != 1 || st.Versions != 2 || st.Quotes != 2 {
		t.Errorf("Stats = %+v, want 1 article, 2 versions, 2 quotes", st)
	}
}

func testCopy(t *testing.T, s dateline.Store) {
	ctx := context.Background()
	text := Text("ceasefire", 4)
	orig := put(t, s, Doc("https://wire.example/story", "Ceasefire talks", text))
	copyDoc := Doc("https://local.example/reprint", "Ceasefire talks (reprint)", text+" Reporting by Wire.")
	res := put(t, s, copyDoc)
	if res.Outcome != dateline.Copy || res.CopyOf != orig.ID || res.ID == orig.ID {
		t.Fatalf("Put of an edited copy = %+v, want copy of %d", res, orig.ID)
	}
	if again := put(t, s, copyDoc); again.Outcome != dateline.Unchanged || again.ID != res.ID {
		t.Errorf("Put of the copy again = %+v, want unchanged %d", again, res.ID)
	}
	got := search(t, s, dateline.SearchQuery{Text: "ceasefire"})
	if got.Total != 1 || got.Hits[0].ID != orig.ID {
		t.Errorf("search = %v (total %d), want only the original %d", ids(got), got.Total, orig.ID)
	}
	a, err := s.Article(ctx, orig.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Copies) != 1 || a.Copies[0].ID != res.ID {
		t.Errorf("Copies = %+v, want the reprint", a.Copies)
	}
	c, err := s.Article(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.CopyOf == nil || c.CopyOf.ID != orig.ID {
		t.Errorf("CopyOf = %+v, want %d", c.CopyOf, orig.ID)
	}
	other := put(t, s, Doc("https://local.example/other", "Other", Text("parliament", 9)))
	if other.Outcome != dateline.Added {
		t.Errorf("unrelated article = %+v, want added", other)
	}
	if st := stats(t, s); st.Articles != 2 || st.Copies != 1 {
		t.Errorf("Stats = %+v, want 2 articles and 1 copy", st)
	}
}

func testNotFound(t *testing.T, s dateline.Store) {
	ctx := context.Background()
	if _, err := s.Article(ctx, 999); !errors.Is(err, dateline.ErrNotFound) {
		t.Errorf("Article(999): %v, want ErrNotFound", err)
	}
	if _, err := s.Versions(ctx, 999); !errors.Is(err, dateline.ErrNotFound) {
		t.Errorf("Versions(999): %v, want ErrNotFound", err)
	}
	if _, err := s.Entity(ctx, 999); !errors.Is(err, dateline.ErrNotFound) {
		t.Errorf("Entity(999): %v, want ErrNotFound", err)
	}
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping: %v", err)
	}
}

func testPutInvalid(t *testing.T, s dateline.Store) {
	d := Doc("", "x", "y")
	d.Fingerprint.Keys = nil
	if _, err := s.Put(context.Background(), d); !errors.Is(err, dateline.ErrInvalid) {
		t.Errorf("Put without keys: %v, want ErrInvalid", err)
	}
}

func testPutBatch(t *testing.T, s dateline.Store) {
	ctx := context.Background()
	a := Doc("https://b.example/1", "One", Text("alpha", 1))
	b := Doc("https://b.example/2", "Two", Text("beta", 2))
	a2 := Doc("https://b.example/1", "One", Text("alpha", 1))
	res, err := s.PutBatch(ctx, []*dateline.Document{a, b, a2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 || res[0].Outcome != dateline.Added || res[1].Outcome != dateline.Added || res[2].Outcome != dateline.Unchanged || res[2].ID != res[0].ID {
		t.Errorf("PutBatch = %+v, want added, added, unchanged", res)
	}
	bad := Doc("https://b.example/3", "Three", Text("gamma", 3))
	bad.Fingerprint.Keys = nil
	if _, err := s.PutBatch(ctx, []*dateline.Document{Doc("https://b.example/4", "Four", Text("delta", 4)), bad}); !errors.Is(err, dateline.ErrInvalid) {
		t.Errorf("PutBatch with an invalid document: %v, want ErrInvalid", err)
	}
	if st := stats(t, s); st.Articles != 2 {
		t.Errorf("Stats = %+v, want 2 articles: a failed batch saves nothing", st)
	}
}
