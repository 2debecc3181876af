package feed

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, file, base string
		kind             Kind
		title            string
		items            []Item // want, in order; only URL, Title and Published compared
		feeds            []string
	}{
		{
			name: "rss2 mislabelled utf-8, entities, feedburner, relative, undated",
			file: "rss2.xml", base: "https://news.example/rss", kind: RSS,
			title: "The Daily & Weekly — News",
			items: []Item{
				{URL: "https://news.example/politics/budget", Title: "Budget passes after all-night session", Published: date("2025-06-04T16:00:00Z")},
				{URL: "https://news.example/weather/storm", Title: "Storm warning issued", Published: date("2025-06-04T11:00:00Z")},
				{URL: "https://news.example/world/cafe-protest?utm_source=rss", Title: "Café owners protest new rules", Published: date("2025-06-03T09:15:00Z")},
				{URL: "https://news.example/misc/undated", Title: "Undated item"},
			},
		},
		{
			name: "rdf", file: "rdf.xml", kind: RDF, title: "RDF Site",
			items: []Item{
				{URL: "https://rdf.example/b", Title: "Second", Published: date("2024-01-02T10:00:00Z")},
				{URL: "https://rdf.example/a", Title: "First", Published: date("2024-01-01T10:00:00Z")},
			},
		},
		{
			name: "atom xml:base, html and xhtml titles", file: "atom.xml", kind: Atom, title: "Atom News",
			items: []Item{
				{URL: "https://other.example/newer", Title: "Newer one"},
				{URL: "https://atom.example/blog/2024/older", Title: "Older & wiser", Published: date("2024-05-01T08:00:00Z")},
			},
		},
		{
			name: "json feed", file: "feed.json", base: "https://json.example/feed.json", kind: JSON, title: "JSON News",
			items: []Item{
				{URL: "https://json.example/b", Title: "B", Published: date("2024-03-02T12:00:00Z")},
				{URL: "https://json.example/a", Title: "A & B", Published: date("2024-03-01T17:00:00Z")},
				{URL: "https://elsewhere.example/c", Title: "C"},
			},
		},
		{
			name: "google news sitemap", file: "news-sitemap.xml", kind: Sitemap,
			items: []Item{
				{URL: "https://sm.example/2025/06/02/new", Title: "New story", Published: date("2025-06-02T06:00:00Z")},
				{URL: "https://sm.example/2025/06/01/old", Title: "Old story & more", Published: date("2025-06-01T06:00:00Z")},
				{URL: "https://sm.example/about"},
			},
		},
		{
			name: "sitemap index", file: "sitemapindex.xml", base: "https://sm.example/sitemap.xml", kind: SitemapIndex,
			feeds: []string{"https://sm.example/sitemap-2025-06.xml", "https://sm.example/sitemap-2025-05.xml"},
		},
		{
			name: "opml", file: "subs.opml", kind: OPML, title: "My feeds",
			feeds: []string{"https://news.example/rss", "https://atom.example/feed.atom", "https://json.example/feed.json"},
		},
		{
			name: "latin-1 bytes declared latin-1", file: "latin1.xml", kind: RSS, title: "Café Latin",
			items: []Item{{URL: "http://latin.example/a", Title: "Garçon & « citation »", Published: date("2000-01-01T00:00:00Z")}},
		},
		{
			name: "windows-1252 bytes declared utf-8, control byte, truncated", file: "broken.xml", kind: RSS, title: "Broken bytes “quoted”",
			items: []Item{{URL: "http://broken.example/a", Title: "Trunc"}},
		},
		{
			name: "text sitemap", file: "sitemap.txt", kind: Sitemap,
			items: []Item{{URL: "https://text.example/a"}, {URL: "https://text.example/b"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(readTestdata(t, tt.file), tt.base)
			if err != nil {
				t.Fatal(err)
			}
			if f.Kind != tt.kind || f.Title != tt.title {
				t.Errorf("got kind %q title %q, want %q %q", f.Kind, f.Title, tt.kind, tt.title)
			}
			if len(f.Items) != len(tt.items) {
				t.Fatalf("got %d items %+v, want %d", len(f.Items), f.Items, len(tt.items))
			}
			for i, want := range tt.items {
				got := f.Items[i]
				if got.URL != want.URL || got.Title != want.Title || !got.Published.Equal(want.Published) {
					t.Errorf("item %d: got %q %q %v, want %q %q %v", i, got.URL, got.Title, got.Published, want.URL, want.Title, want.Published)
				}
			}
			if len(f.Feeds) != len(tt.feeds) {
				t.Fatalf("got feeds %+v, want %v", f.Feeds, tt.feeds)
			}
			for i, want := range tt.feeds {
				if f.Feeds[i].URL != want {
					t.Errorf("feed %d: got %q, want %q", i, f.Feeds[i].URL, want)
				}
			}
		})
	}
}

func TestParseDetails(t *testing.T) {
	f, err := Parse(readTestdata(t, "news-sitemap.xml"), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Items[1]; got.Language != "en" || !got.Updated.Equal(date("2025-06-01T00:00:00Z")) {
		t.Errorf("got language %q updated %v, want en and 2025-06-01", got.Language, got.Updated)
	}
	f, err = Parse(readTestdata(t, "atom.xml"), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Items[1]; got.Author != "Ann Writer" || got.ID != "tag:atom.example,2024:1" || f.Link != "https://atom.example/" {
		t.Errorf("got author %q id %q link %q", got.Author, got.ID, f.Link)
	}
}

func TestRDFWithoutChannel(t *testing.T) {
	f, err := Parse([]byte(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item><link>http://x.example/a</link></item></rdf:RDF>`), "")
	if err != nil || len(f.Items) != 1 {
		t.Errorf("got %v, %+v; want one item", err, f)
	}
}

func TestParseNotFeed(t *testing.T) {
	for _, in := range []string{"", "  ", "<html><body>hi</body></html>", "{\"a\":1}", "{", "plain words", "<?xml version=\"1.0\"?>"} {
		if _, err := Parse([]byte(in), ""); err == nil {
			t.Errorf("Parse(%q): got no error, want ErrNotFeed", in)
		}
	}
}

func TestDiscover(t *testing.T) {
	got := Discover(readTestdata(t, "home.html"), "https://home.example/")
	want := []Item{
		{URL: "https://home.example/news/rss.xml", Title: "All stories"},
		{URL: "https://home.example/atom.xml"},
		{URL: "https://home.example/feed.json"},
		{URL: "https://home.example/sport.rss"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("link %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mon, 02 Jan 2006 15:04:05 -0700", "2006-01-02T22:04:05Z"},
		{"Mon, 2 Jan 2006 15:04:05 GMT", "2006-01-02T15:04:05Z"},
		{"Monday, 02 Jan 2006 15:04:05 PST", "2006-01-02T23:04:05Z"},
		{"02 Jan 06 15:04 EST", "2006-01-02T20:04:00Z"},
		{"2006-01-02T15:04:05.123Z", "2006-01-02T15:04:05.123Z"},
		{"2006-01-02T15:04:05+0100", "2006-01-02T14:04:05Z"},
		{"2006-01-02 15:04:05", "2006-01-02T15:04:05Z"},
		{"2006-01-02", "2006-01-02T00:00:00Z"},
		{"Tue, 03 Jun 2025 09:15:00 +00:00", "2025-06-03T09:15:00Z"},
		{"January 2, 2006", "2006-01-02T00:00:00Z"},
		{"", ""},
		{"yesterday", ""},
		{"0001-01-01T00:00:00Z", ""},
	}
	for _, tt := range tests {
		got := parseDate(tt.in)
		if tt.want == "" {
			if !got.IsZero() {
				t.Errorf("parseDate(%q): got %v, want zero", tt.in, got)
			}
			continue
		}
		if !got.Equal(date(tt.want)) {
			t.Errorf("parseDate(%q): got %v, want %s", tt.in, got, tt.want)
		}
	}
}
