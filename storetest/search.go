package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/dedup"
)

// corpus puts a few dated articles from two sites and returns their IDs in
// order: summit (with entities), then three plain ones.
func corpus(t *testing.T, s dateline.Store) []int64 {
	t.Helper()
	a := summit()
	b := Doc("https://other.example/markets", "Markets rally", Text("markets", 2)+" Traders also watched Ukraine.")
	b.Published, b.SiteName, b.Language = "2025-07-02", "Other Daily", "en"
	b.Entities = []dateline.Entity{{ID: "x", Name: "Ukraine", Type: "PLACE", Mentions: []dateline.Span{{Text: "Ukraine"}}}}
	c := Doc("https://other.example/ceasefire-doubts", "Doubts grow", Text("harvest", 3)+" A ceasefire in Ukraine looks distant, analysts said.")
	c.Published, c.SiteName = "2025-06-10", "Other Daily"
	c.Entities = []dateline.Entity{
		{ID: "a", Name: "Ukraine", Type: "PLACE", Mentions: []dateline.Span{{Text: "Ukraine"}}},
		{ID: "b", Name: "Donald Trump", Type: "PERSON", Role: "President-elect", Mentions: []dateline.Span{{Text: "Trump"}}},
	}
	c.Quotes = []dateline.Quote{{Text: "We will end this war quickly,", Speaker: "b", SpeakerText: "Trump"}}
	d := Doc("https://news.example/fr", "Le cessez-le-feu", Text("paix", 4))
	d.Published, d.SiteName, d.Language = "2024-12-01", "Example News", "fr"
	var out []int64
	for _, doc := range []*dateline.Document{a, b, c, d} {
		out = append(out, put(t, s, doc).ID)
	}
	return out
}

func testSearchRank(t *testing.T, s dateline.Store) {
	id := corpus(t, s)
	got := search(t, s, dateline.SearchQuery{Text: "ceasefire Ukraine"})
	if got.Total != 2 || len(got.Hits) != 2 {
		t.Fatalf("hits %v total %d, want 2", ids(got), got.Total)
	}
	if got.Hits[0].ID != id[0] {
		t.Errorf("first hit %d %q, want the summit article %d", got.Hits[0].ID, got.Hits[0].Title, id[0])
	}
	if got.Hits[0].Score <= got.Hits[1].Score {
		t.Errorf("scores %v, %v not descending", got.Hits[0].Score, got.Hits[1].Score)
	}
	matched := false
	for _, p := range got.Hits[1].Snippet {
		if p.Match && strings.EqualFold(p.Text, "ceasefire") {
			matched = true
		}
	}
	if !matched {
		t.Errorf("snippet %+v marks no match", got.Hits[1].Snippet)
	}
	if got := search(t, s, dateline.SearchQuery{Text: "ceasefire -analysts"}); got.Total != 1 || got.Hits[0].ID != id[0] {
		t.Errorf("exclusion: %v, want [%d]", ids(got), id[0])
	}
	if got := search(t, s, dateline.SearchQuery{Text: "markets OR harvest"}); got.Total != 2 {
		t.Errorf("OR: %v, want 2 hits", ids(got))
	}
	if got := search(t, s, dateline.SearchQuery{Text: `"good luck"`}); got.Total != 1 {
		t.Errorf("phrase: %v, want 1 hit", ids(got))
	}
	if got := search(t, s, dateline.SearchQuery{Text: "ceasef*"}); got.Total != 2 {
		t.Errorf("prefix: %v, want 2 hits", ids(got))
	}
	if got := search(t, s, dateline.SearchQuery{Limit: 2}); got.Total != 4 || len(got.Hits) != 2 || got.Hits[0].ID != id[0] {
		t.Errorf("no text: %v total %d, want newest first, total 4", ids(got), got.Total)
	}
	if got := search(t, s, dateline.SearchQuery{Text: "ceasefire", Limit: 1, Offset: 1}); len(got.Hits) != 1 || got.Total != 2 {
		t.Errorf("second page: %v total %d, want 1 hit of 2", ids(got), got.Total)
	}
}

func testSearchFilters(t *testing.T, s dateline.Store) {
	id := corpus(t, s)
	tests := []struct {
		name string
		q    dateline.SearchQuery
		want []int64
	}{
		{"site", dateline.SearchQuery{Text: "ceasefire", Site: "other daily"}, []int64{id[2]}},
		{"language", dateline.SearchQuery{Language: "fr"}, []int64{id[3]}},
		{"from", dateline.SearchQuery{Text: "ceasefire", From: "2025-08-01"}, []int64{id[0]}},
		{"range", dateline.SearchQuery{From: "2025-06-01", To: "2025-07-31"}, []int64{id[1], id[2]}},
		{"entity by name", dateline.SearchQuery{Entity: "ukraine"}, []int64{id[0], id[1], id[2]}},
		{"entity and text", dateline.SearchQuery{Text: "markets", Entity: "Ukraine"}, []int64{id[1]}},
		{"speaker", dateline.SearchQuery{Speaker: "Donald Trump"}, []int64{id[0], id[2]}},
		{"speaker zelenskyy", dateline.SearchQuery{Speaker: "volodymyr zelenskyy"}, []int64{id[0]}},
		{"no match", dateline.SearchQuery{Text: "ceasefire", Site: "nowhere"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(search(t, s, tt.q))
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	a, err := s.Article(context.Background(), id[0])
	if err != nil {
		t.Fatal(err)
	}
	byID := search(t, s, dateline.SearchQuery{Entity: fmt.Sprint(a.EntityIDs["e3"])})
	if byID.Total != 3 {
		t.Errorf("entity by ID: %v, want 3 articles", ids(byID))
	}
}

// testSearchRevisedFilters revises an article's site, language, day,
// entities and speakers: every filter must follow the current version.
func testSearchRevisedFilters(t *testing.T, s dateline.Store) {
	first := put(t, s, summit())
	d := summit()
	d.Text += " Talks resumed."
	d.Paragraphs = strings.Split(d.Text, "\n\n")
	d.Published, d.SiteName, d.Language = "2024-01-05", "Wire Service", "de"
	d.Entities = []dateline.Entity{{ID: "e1", Name: "Sergey Lavrov", Type: "PERSON", Mentions: []dateline.Span{{Text: "Lavrov"}}}}
	d.Quotes = []dateline.Quote{{Text: "Talks resumed.", Speaker: "e1"}}
	d.Fingerprint = dedup.Fingerprint(&d.Article)
	if res := put(t, s, d); res.Outcome != dateline.Revised || res.ID != first.ID {
		t.Fatalf("Put = %+v, want a revision of %d", res, first.ID)
	}
	tests := []struct {
		name  string
		q     dateline.SearchQuery
		found bool
	}{
		{"old site", dateline.SearchQuery{Text: "ceasefire", Site: "Example News"}, false},
		{"new site", dateline.SearchQuery{Text: "ceasefire", Site: "WIRE SERVICE"}, true},
		{"old language", dateline.SearchQuery{Language: "en"}, false},
		{"new language", dateline.SearchQuery{Language: "DE"}, true},
		{"old day", dateline.SearchQuery{Text: "ceasefire", From: "2025-08-15", To: "2025-08-15"}, false},
		{"new day", dateline.SearchQuery{Text: "ceasefire", From: "2024-01-05", To: "2024-01-05"}, true},
		{"old entity", dateline.SearchQuery{Entity: "Volodymyr Zelenskyy"}, false},
		{"new entity", dateline.SearchQuery{Entity: "sergey lavrov"}, true},
		{"old speaker", dateline.SearchQuery{Speaker: "Donald Trump"}, false},
		{"new speaker", dateline.SearchQuery{Text: "talks", Speaker: "Sergey Lavrov"}, true},
		{"unknown entity", dateline.SearchQuery{Entity: "Nobody Known"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := search(t, s, tt.q)
			if found := got.Total == 1 && len(got.Hits) == 1 && got.Hits[0].ID == first.ID; found != tt.found || got.Total > 1 {
				t.Errorf("hits %v total %d, want found %v", ids(got), got.Total, tt.found)
			}
		})
	}
}

func testSearchFacets(t *testing.T, s dateline.Store) {
	corpus(t, s)
	got := search(t, s, dateline.SearchQuery{Text: "ukraine OR markets OR paix", Facets: true})
	f := got.Facets
	if f == nil {
		t.Fatal("no facets")
	}
	if len(f.Sites) != 2 || f.Sites[0].Count+f.Sites[1].Count != got.Total {
		t.Errorf("site facets %+v do not add up to %d", f.Sites, got.Total)
	}
	if len(f.Entities) == 0 || f.Entities[0].Name != "Ukraine" || f.Entities[0].Count != 3 {
		t.Errorf("entity facets %+v, want Ukraine first with 3", f.Entities)
	}
	if len(f.Months) == 0 || f.Months[0].Value > f.Months[len(f.Months)-1].Value {
		t.Errorf("month facets %+v, want in date order", f.Months)
	}
	if len(f.Languages) != 2 {
		t.Errorf("language facets %+v, want en and fr", f.Languages)
	}
}

func testSearchLimits(t *testing.T, s dateline.Store) {
	tests := []struct {
		name string
		q    dateline.SearchQuery
	}{
		{"too many terms", dateline.SearchQuery{Text: strings.Repeat("word ", dateline.MaxQueryTerms+1)}},
		{"too long", dateline.SearchQuery{Text: strings.Repeat("x", dateline.MaxQueryBytes+1)}},
		{"limit", dateline.SearchQuery{Limit: dateline.MaxLimit + 1}},
		{"offset", dateline.SearchQuery{Offset: dateline.MaxOffset + 1}},
		{"bad date", dateline.SearchQuery{From: "August 2025"}},
		{"only exclusions", dateline.SearchQuery{Text: "-war"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.Search(context.Background(), tt.q); !errors.Is(err, dateline.ErrInvalid) {
				t.Errorf("Search: %v, want ErrInvalid", err)
			}
		})
	}
}

func testSearchSyntax(t *testing.T, s dateline.Store) {
	corpus(t, s)
	for _, q := range []string{`NEAR(ceasefire`, `ceasefire"`, `title:ceasefire`, `^ceasefire AND OR NOT`, `*`, `"`, `) (`, `'; DROP TABLE articles; --`} {
		if _, err := s.Search(context.Background(), dateline.SearchQuery{Text: q}); err != nil {
			t.Errorf("Search(%q): %v, want no error", q, err)
		}
	}
	if st := stats(t, s); st.Articles != 4 {
		t.Errorf("Stats = %+v after odd queries", st)
	}
}

func testEntities(t *testing.T, s dateline.Store) {
	corpus(t, s)
	ctx := context.Background()
	got, err := s.Entities(ctx, dateline.EntityQuery{Text: "trump"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Name != "Donald Trump" || got[0].Articles != 2 {
		t.Errorf("Entities(trump) = %+v, want Donald Trump in 2 articles", got)
	}
	all, err := s.Entities(ctx, dateline.EntityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || all[0].Name != "Ukraine" {
		t.Errorf("Entities() = %+v, want 3, Ukraine first", all)
	}
	places, err := s.Entities(ctx, dateline.EntityQuery{Type: "place"})
	if err != nil {
		t.Fatal(err)
	}
	if len(places) != 1 {
		t.Errorf("Entities(type place) = %+v, want Ukraine", places)
	}
	if got, _ := s.Entities(ctx, dateline.EntityQuery{Text: "%"}); len(got) != 0 {
		t.Errorf("Entities(%%) = %+v, want none: wildcards are literal", got)
	}
}

func testEntityProfile(t *testing.T, s dateline.Store) {
	id := corpus(t, s)
	ctx := context.Background()
	a, err := s.Article(ctx, id[0])
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Entity(ctx, a.EntityIDs["e2"])
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Donald Trump" || p.Articles != 2 {
		t.Errorf("profile %q in %d articles, want Donald Trump in 2", p.Name, p.Articles)
	}
	if len(p.Timeline) != 2 || p.Timeline[0].Value != "2025-06" || p.Timeline[1].Value != "2025-08" {
		t.Errorf("timeline %+v, want 2025-06 and 2025-08", p.Timeline)
	}
	roles := map[string]bool{}
	for _, r := range p.Roles {
		roles[r.Role] = true
	}
	if !roles["President"] || !roles["President-elect"] {
		t.Errorf("roles %+v, want President and President-elect", p.Roles)
	}
	if len(p.Quotes) != 2 || !strings.HasPrefix(p.Quotes[0].Text, "I may leave and say") {
		t.Errorf("quotes %+v, want the summit quote first", p.Quotes)
	}
	co := map[string]int{}
	for _, c := range p.CoMentions {
		co[c.Name] = c.Count
	}
	if co["Ukraine"] != 2 || co["Volodymyr Zelenskyy"] != 1 || co["Donald Trump"] != 0 {
		t.Errorf("co-mentions %v, want Ukraine 2, Zelenskyy 1, not himself", co)
	}
	if len(p.Recent) != 2 || p.Recent[0].ID != id[0] {
		t.Errorf("articles %+v, want newest first", p.Recent)
	}
}

func testQuotes(t *testing.T, s dateline.Store) {
	corpus(t, s)
	ctx := context.Background()
	tests := []struct {
		name string
		q    dateline.QuoteQuery
		want []string // speaker names in order
	}{
		{"all newest first", dateline.QuoteQuery{}, []string{"Donald Trump", "Volodymyr Zelenskyy", "Donald Trump"}},
		{"by speaker", dateline.QuoteQuery{Speaker: "trump"}, []string{"Donald Trump", "Donald Trump"}},
		{"by words", dateline.QuoteQuery{Text: "leave"}, []string{"Donald Trump"}},
		{"speaker and words", dateline.QuoteQuery{Speaker: "zelenskyy", Text: "Ukraine"}, []string{"Volodymyr Zelenskyy"}},
		{"no match", dateline.QuoteQuery{Speaker: "putin"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Quotes(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, h := range got {
				names = append(names, h.SpeakerName)
				if h.Text == "" || h.Article.ID == 0 {
					t.Errorf("quote %+v lacks text or article", h)
				}
			}
			if fmt.Sprint(names) != fmt.Sprint(tt.want) {
				t.Errorf("speakers %v, want %v", names, tt.want)
			}
		})
	}
}

// testConcurrent searches and reads while articles are being put: no read
// may fail, and every read sees whole articles.
func testConcurrent(t *testing.T, s dateline.Store) {
	ctx := context.Background()
	first := put(t, s, summit())
	const n = 60
	var wg sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan error, 100)
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := s.Search(ctx, dateline.SearchQuery{Text: "report officials", Facets: true})
				if err != nil {
					errs <- err
					return
				}
				if res.Total < len(res.Hits) {
					errs <- fmt.Errorf("total %d < %d hits", res.Total, len(res.Hits))
				}
				if _, err := s.Article(ctx, first.ID); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		put(t, s, Doc(fmt.Sprintf("https://c.example/%d", i), fmt.Sprintf("Story %d", i), Text(fmt.Sprintf("topic%d", i), i+10)))
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := search(t, s, dateline.SearchQuery{Text: "report officials"}); got.Total != n {
		t.Errorf("after puts: %d hits, want %d", got.Total, n)
	}
}
