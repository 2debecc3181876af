package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/corpus"
)

// seedGold is the part of alaska-summit.gold.json that extraction answers.
type seedGold struct {
	Article struct {
		Title          string   `json:"title"`
		Subtitle       string   `json:"subtitle"`
		Byline         string   `json:"byline"`
		Dateline       string   `json:"dateline"`
		Language       string   `json:"language"`
		Boilerplate    []string `json:"boilerplate"`
		BodyParagraphs []string `json:"body_paragraphs"`
	} `json:"article"`
}

func loadSeed(t *testing.T) (string, seedGold) {
	t.Helper()
	dir := corpus.Dir(t, "seed")
	b, err := os.ReadFile(filepath.Join(dir, "alaska-summit.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g seedGold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return dir, g
}

// TestSeed checks both forms of the seed page against the gold reading.
func TestSeed(t *testing.T) {
	dir, g := loadSeed(t)
	for _, name := range []string{"alaska-summit.txt", "alaska-summit.html"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Page(data, Options{})
			if err != nil {
				t.Fatalf("Page: %v", err)
			}
			checkSeed(t, a, g)
			if strings.HasSuffix(name, ".html") {
				want := map[string]string{
					"published":     "2025-08-16T05:12:00+05:30",
					"canonical_url": "https://tis.example/world/trump-putin-begin-historic-alaska-summit",
					"site_name":     "TIS",
				}
				got := map[string]string{"published": a.Published, "canonical_url": a.CanonicalURL, "site_name": a.SiteName}
				for k, w := range want {
					if got[k] != w {
						t.Errorf("%s = %q, want %q", k, got[k], w)
					}
				}
			}
		})
	}
}

func checkSeed(t *testing.T, a *dateline.Article, g seedGold) {
	t.Helper()
	ga := g.Article
	for _, f := range []struct{ name, got, want string }{
		{"title", a.Title, ga.Title},
		{"subtitle", a.Subtitle, ga.Subtitle},
		{"byline", a.Byline, ga.Byline},
		{"dateline", a.Dateline, ga.Dateline},
		{"language", a.Language, ga.Language},
	} {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	if len(a.Authors) != 0 {
		t.Errorf("authors = %q, want none (a desk is not an author)", a.Authors)
	}
	// The gold allows the page's one repeat of the standfirst in place.
	withRepeat := slices.Insert(slices.Clone(ga.BodyParagraphs), 2, ga.Subtitle)
	if !slices.Equal(a.Paragraphs, ga.BodyParagraphs) && !slices.Equal(a.Paragraphs, withRepeat) {
		t.Errorf("paragraphs differ from gold:\n got %q\nwant %q", a.Paragraphs, ga.BodyParagraphs)
	}
	all := a.Title + "\n" + a.Subtitle + "\n" + a.Byline + "\n" + a.Text
	for _, b := range ga.Boilerplate {
		for _, line := range strings.Split(all, "\n") {
			if strings.TrimSpace(line) == b {
				t.Errorf("boilerplate line %q in output", b)
			}
		}
	}
	if a.Text != strings.Join(a.Paragraphs, "\n\n") {
		t.Error("text is not the paragraphs joined by blank lines")
	}
}
