package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/storetest"
)

func TestSearchKey(t *testing.T) {
	tests := []struct {
		name string
		day  string
		id   int64
		want int64
	}{
		{"dated", "2025-08-15", 7, 20250815<<32 | 7},
		{"undated", "", 7, 7},
		{"largest ID", "2025-08-15", 1<<32 - 1, 20250815<<32 | (1<<32 - 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := searchKey(tt.day, tt.id)
			if err != nil || got != tt.want || keyArticle(got) != tt.id {
				t.Errorf("searchKey(%q, %d) = %d, %v; want %d", tt.day, tt.id, got, err, tt.want)
			}
		})
	}
	if _, err := searchKey("2025-08-15", 1<<32); err == nil {
		t.Error("searchKey with an ID over 32 bits: no error")
	}
}

func TestKeyRange(t *testing.T) {
	aug15, _ := searchKey("2025-08-15", 9)
	undated, _ := searchKey("", 9)
	tests := []struct {
		name     string
		from, to string
		in, out  []int64
	}{
		{"none", "", "", []int64{aug15, undated}, nil},
		{"from", "2025-08-15", "", []int64{aug15}, []int64{undated}},
		{"to", "", "2025-08-15", []int64{aug15}, []int64{undated}},
		{"day", "2025-08-15", "2025-08-15", []int64{aug15}, []int64{undated}},
		{"after", "2025-08-16", "", nil, []int64{aug15, undated}},
		{"before", "", "2025-08-14", nil, []int64{aug15, undated}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := keyRange(tt.from, tt.to)
			for _, k := range tt.in {
				if k < lo || k > hi {
					t.Errorf("key %d outside [%d, %d]", k, lo, hi)
				}
			}
			for _, k := range tt.out {
				if k >= lo && k <= hi {
					t.Errorf("key %d inside [%d, %d]", k, lo, hi)
				}
			}
		})
	}
}

// TestTagsAsMigrationBuildsThem checks that Go spells site and language
// tags as migration 0002 does in SQL, so that tags built either way match.
func TestTagsAsMigrationBuildsThem(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, v := range []string{"Daily Ledger", "ÉCOLE d'Été", "le Monde", "x\"y z", "日本経済新聞"} {
		var site, lang string
		err := s.read.QueryRow(`SELECT char(57344) || 's' || hex(lower(?1)), char(57344) || 'l' || hex(lower(?1))`, v).Scan(&site, &lang)
		if err != nil {
			t.Fatal(err)
		}
		if siteTag(v) != site || languageTag(v) != lang {
			t.Errorf("tags of %q: %q %q, SQL %q %q", v, siteTag(v), languageTag(v), site, lang)
		}
	}
}

func TestEachEntityTag(t *testing.T) {
	tags := fmt.Sprintf("%s %s %s %s %s", siteTag("e1"), entityTag(12), speakerTag(3), entityTag(7), tagMark+"e9x")
	var got []int64
	eachEntityTag(tags, func(id int64) { got = append(got, id) })
	if fmt.Sprint(got) != "[12 7]" {
		t.Errorf("entity tags of %q: %v, want [12 7]", tags, got)
	}
}

// TestRankWindow ranks only the newest matches when more match than the
// window holds, and counts them all.
func TestRankWindow(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.rankWindow = 3
	// Older articles say "harbour" more often, so exact BM25 would rank
	// them first.
	for i := 1; i <= 6; i++ {
		text := storetest.Text(fmt.Sprintf("coast%d", i), i)
		for j := 0; j < 7-i; j++ {
			text += " The harbour reopened."
		}
		d := storetest.Doc(fmt.Sprintf("https://h.example/%d", i), fmt.Sprintf("Story %d", i), text)
		d.Published = fmt.Sprintf("2025-01-%02d", i)
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	res, err := s.Search(ctx, dateline.SearchQuery{Text: "harbour", Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, h := range res.Hits {
		titles = append(titles, h.Title)
	}
	if res.Total != 6 || fmt.Sprint(titles) != "[Story 4 Story 5]" {
		t.Errorf("hits %v of %d, want the best 2 of the 3 newest, of 6", titles, res.Total)
	}
	res, err = s.Search(ctx, dateline.SearchQuery{Text: "harbour", Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 5 || res.Hits[0].Title != "Story 2" {
		t.Errorf("a page larger than the window: %d hits, first %q; want 5, Story 2", len(res.Hits), res.Hits[0].Title)
	}
}
