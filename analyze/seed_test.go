package analyze

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/extract"
	"github.com/datelinehq/dateline/internal/corpus"
)

// loadModels loads the models once for all tests of the package.
var loadModels = sync.OnceValues(Load)

func models(t testing.TB) *Models {
	t.Helper()
	m, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// gold is the part of alaska-summit.gold.json this stage answers for.
type gold struct {
	Entities []struct {
		Name     string   `json:"name"`
		Type     string   `json:"type"`
		Kind     string   `json:"kind"`
		Role     string   `json:"role"`
		Of       string   `json:"of"`
		Mentions []string `json:"mentions"`
	} `json:"entities"`
	NotEntities []string `json:"not_entities"`
}

// TestSeed checks the analysis of the seed page, read three ways: the
// HTML page and the plain-text scrape through extract, and the scrape
// as body text verbatim (dateline analyze --body).
func TestSeed(t *testing.T) {
	dir := corpus.Dir(t, "seed")
	var g gold
	raw, err := os.ReadFile(filepath.Join(dir, "alaska-summit.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	m := models(t)
	for _, name := range []string{"html", "txt", "body"} {
		t.Run(name, func(t *testing.T) {
			file := "alaska-summit." + name
			if name == "body" {
				file = "alaska-summit.txt"
			}
			page, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Fatal(err)
			}
			var a *dateline.Article
			if name == "body" {
				a = &dateline.Article{Text: string(page)}
			} else if a, err = extract.Page(page, extract.Options{}); err != nil {
				t.Fatal(err)
			}
			checkSeed(t, g, Article(*a, m))
		})
	}
}

func checkSeed(t *testing.T, g gold, an dateline.Analysis) {
	t.Helper()
	if !an.Analysed {
		t.Fatalf("not analysed: %s", an.Note)
	}
	runes := []rune(an.Text)
	byName := map[string]*dateline.Entity{}
	for i := range an.Entities {
		e := &an.Entities[i]
		byName[e.Name] = e
		for _, s := range e.Mentions {
			if s.Start < 0 || s.End > len(runes) || string(runes[s.Start:s.End]) != s.Text {
				t.Errorf("%s: mention %q at [%d,%d) is not the text there", e.Name, s.Text, s.Start, s.End)
			}
		}
	}
	for _, ge := range g.Entities {
		e := byName[ge.Name]
		if e == nil {
			t.Errorf("entity %s %q not found", ge.Type, ge.Name)
			continue
		}
		if e.Type != ge.Type {
			t.Errorf("%s: type %s, want %s", ge.Name, e.Type, ge.Type)
		}
		if ge.Kind != "" && e.Kind != ge.Kind {
			t.Errorf("%s: kind %q, want %q", ge.Name, e.Kind, ge.Kind)
		}
		if ge.Type == "PERSON" && (e.Role != ge.Role || e.Affiliation != ge.Of) {
			t.Errorf("%s: role %q of %q, want %q of %q", ge.Name, e.Role, e.Affiliation, ge.Role, ge.Of)
		}
		for _, gm := range ge.Mentions {
			if k := byName["Kyiv"]; gm == "Kyiv" && k != nil {
				if k.Type != "PLACE" || k.Kind != "city" {
					t.Errorf("Kyiv: %s %s, want the city (or a mention of Ukraine)", k.Type, k.Kind)
				}
				continue // the gold also accepts Kyiv as the city
			}
			if !strings.Contains(an.Text, gm) {
				continue // named in the header only
			}
			found := false
			for _, s := range e.Mentions {
				found = found || strings.Contains(gm, s.Text) || strings.Contains(s.Text, gm)
			}
			if !found {
				t.Errorf("%s: no mention within %q; mentions %v", ge.Name, gm, e.Mentions)
			}
		}
	}
	// Every "Trump" and "Putin" in the text is a mention of the full name.
	for surname, full := range map[string]string{"Trump": "Donald Trump", "Putin": "Vladimir Putin"} {
		e := byName[full]
		if e == nil {
			continue
		}
		at := map[int]bool{}
		for _, s := range e.Mentions {
			at[s.End] = true
		}
		for _, loc := range regexp.MustCompile(`\b`+surname+`\b`).FindAllStringIndex(an.Text, -1) {
			end := len([]rune(an.Text[:loc[1]]))
			if !at[end] {
				t.Errorf("%s at %d is not a mention of %s", surname, end, full)
			}
		}
	}
	for _, ne := range g.NotEntities {
		for _, e := range an.Entities {
			if strings.EqualFold(e.Name, ne) {
				t.Errorf("%q is an entity (%s)", ne, e.Type)
			}
			for _, s := range e.Mentions {
				if strings.EqualFold(s.Text, ne) {
					t.Errorf("%q is a mention of %s", ne, e.Name)
				}
			}
		}
	}
	// The pronouns of the two direct quotes' speakers.
	for cue, speaker := range map[string]string{"he told reporters": "Donald Trump", "he insisted": "Volodymyr Zelenskyy"} {
		i := strings.Index(an.Text, cue)
		if i < 0 {
			t.Errorf("%q not in the text", cue)
			continue
		}
		start := len([]rune(an.Text[:i]))
		ok := false
		for _, s := range byName[speaker].Mentions {
			ok = ok || s.Start == start && s.Text == "he"
		}
		if !ok {
			t.Errorf("%q: the pronoun is not a mention of %s", cue, speaker)
		}
	}
}
