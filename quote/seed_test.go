package quote

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/internal/corpus"
	"github.com/datelinehq/dateline/segment"
)

// seedGold is the part of alaska-summit.gold.json this package answers.
type seedGold struct {
	Article struct {
		Subtitle       string   `json:"subtitle"`
		BodyParagraphs []string `json:"body_paragraphs"`
	} `json:"article"`
	Entities []struct {
		Name     string   `json:"name"`
		Type     string   `json:"type"`
		Role     string   `json:"role"`
		Mentions []string `json:"mentions"`
	} `json:"entities"`
	Quotes []struct {
		Text, Speaker, Cue string
		SpeakerMention     string `json:"speaker_mention"`
		Partial            bool
	} `json:"quotes"`
	Attributions []struct {
		Source, Cue, Content string
	} `json:"attributions"`
}

// loadSeed reads the seed article: its body with the subtitle repeated as
// the third paragraph, as the page has it (the gold accepts that body),
// and entities built from the gold names, each mention found by text.
func loadSeed(t *testing.T) (seedGold, []rune, []dateline.Entity) {
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
	paras := append([]string{}, g.Article.BodyParagraphs[:2]...)
	paras = append(paras, g.Article.Subtitle)
	paras = append(paras, g.Article.BodyParagraphs[2:]...)
	text := strings.Join(paras, "\n\n")
	return g, []rune(text), goldEntities(g, text)
}

func goldEntities(g seedGold, text string) []dateline.Entity {
	rs := []rune(text)
	var ents []dateline.Entity
	taken := make([]bool, len(rs))
	for _, e := range g.Entities {
		ent := dateline.Entity{ID: e.Name, Name: e.Name, Type: e.Type, Role: e.Role}
		ms := append([]string{}, e.Mentions...)
		// longest first, so "Trump" does not take part of "Donald Trump"
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				if len(ms[j]) > len(ms[i]) {
					ms[i], ms[j] = ms[j], ms[i]
				}
			}
		}
		for _, m := range ms {
			mr := []rune(m)
			for i := 0; i+len(mr) <= len(rs); i++ {
				if string(rs[i:i+len(mr)]) != m || taken[i] || i > 0 && isWordChar(rs[i-1]) || i+len(mr) < len(rs) && isWordChar(rs[i+len(mr)]) {
					continue
				}
				for k := i; k < i+len(mr); k++ {
					taken[k] = true
				}
				ent.Mentions = append(ent.Mentions, dateline.Span{Text: m, Start: i, End: i + len(mr)})
			}
		}
		ents = append(ents, ent)
	}
	return ents
}

func isWordChar(r rune) bool {
	return r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func TestSeed(t *testing.T) {
	g, text, ents := loadSeed(t)
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	quotes, attrs := m.Find(text, segment.Split(string(text)), ents)
	for _, want := range g.Quotes {
		found := false
		for _, q := range quotes {
			if q.Text != want.Text {
				continue
			}
			found = true
			if q.Speaker != want.Speaker {
				t.Errorf("quote %q: got speaker %q (%q), want %q", want.Text, q.Speaker, q.SpeakerText, want.Speaker)
			}
			if want.SpeakerMention != "" && q.SpeakerText != want.SpeakerMention {
				t.Errorf("quote %q: got speaker mention %q, want %q", want.Text, q.SpeakerText, want.SpeakerMention)
			}
			if !strings.Contains(q.Cue, want.Cue) {
				t.Errorf("quote %q: got cue %q, want %q", want.Text, q.Cue, want.Cue)
			}
			if q.Partial != want.Partial {
				t.Errorf("quote %q: got partial %v, want %v", want.Text, q.Partial, want.Partial)
			}
		}
		if !found {
			t.Errorf("quote %q not found", want.Text)
		}
	}
	for _, want := range g.Attributions {
		found := false
		for _, a := range attrs {
			if a.Cue.Text != want.Cue || a.Source == nil {
				continue
			}
			if a.Source.Entity == want.Source || a.Source.Text == want.Source {
				found = true
			}
		}
		if !found {
			t.Errorf("attribution %s %q %q: not found", want.Source, want.Cue, want.Content)
		}
	}
	if t.Failed() {
		for _, q := range quotes {
			t.Logf("quote %+v", q)
		}
		for _, a := range attrs {
			src := "-"
			if a.Source != nil {
				src = a.Source.Text + "=" + a.Source.Entity
			}
			t.Logf("attr %s | %s | %s", src, a.Cue.Text, a.Content.Text)
		}
	}
}
