package quote_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/analyze"
	"github.com/datelinehq/dateline/extract"
	"github.com/datelinehq/dateline/internal/corpus"
)

// TestSeedPipeline reads the seed page, HTML and scraped text, through
// the whole pipeline (extract, entities, quotes) and checks what this
// package answers for: every gold quote, with its cue, its speaker
// mention and its speaker entity; every gold attribution, with its cue
// and its source; the meeting and both delegations. (The
// two partial quotes are in the standfirst, which the page repeats as
// its third paragraph; the body keeps that repeat in place.)
func TestSeedPipeline(t *testing.T) {
	for _, file := range []string{"alaska-summit.html", "alaska-summit.txt"} {
		t.Run(file, func(t *testing.T) { seedPipeline(t, file) })
	}
}

func seedPipeline(t *testing.T, file string) {
	dir := corpus.Dir(t, "seed")
	raw, err := os.ReadFile(filepath.Join(dir, "alaska-summit.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Quotes []struct {
			Text, Speaker, Cue string
			SpeakerMention     string `json:"speaker_mention"`
		}
		Attributions []struct {
			Source, Cue string
		}
		Events []struct {
			Kind         string
			Participants []string
			Leader       string
			Members      []string
		}
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	a, err := extract.Page(page, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := analyze.Load()
	if err != nil {
		t.Fatal(err)
	}
	an := analyze.Article(*a, m)
	name := map[string]string{}
	for _, e := range an.Entities {
		name[e.ID] = e.Name
	}
	for _, want := range g.Quotes {
		var got *dateline.Quote
		for i, q := range an.Quotes {
			if q.Text == want.Text {
				got = &an.Quotes[i]
			}
		}
		if got == nil {
			t.Errorf("quote %q not found", want.Text)
			continue
		}
		if !strings.Contains(got.Cue, want.Cue) {
			t.Errorf("quote %q: got cue %q, want %q", want.Text, got.Cue, want.Cue)
		}
		if want.SpeakerMention != "" && got.SpeakerText != want.SpeakerMention {
			t.Errorf("quote %q: got speaker mention %q, want %q", want.Text, got.SpeakerText, want.SpeakerMention)
		}
		if name[got.Speaker] != want.Speaker {
			t.Errorf("quote %q: got speaker %q, want %q", want.Text, name[got.Speaker], want.Speaker)
		}
	}
	for _, want := range g.Attributions {
		found := false
		for _, at := range an.Attributions {
			if at.Source == nil || !strings.Contains(at.Cue.Text, want.Cue) {
				continue
			}
			if name[at.Source.Entity] == want.Source || strings.Contains(at.Source.Text, want.Source) {
				found = true
			}
		}
		if !found {
			t.Errorf("attribution %s %q not found", want.Source, want.Cue)
		}
	}
	for _, want := range g.Events {
		people := want.Participants
		if want.Kind == "delegation" {
			people = want.Members
		}
		found := false
		for _, e := range an.Events {
			if e.Kind != want.Kind || name[e.Leader] != want.Leader {
				continue
			}
			var got []string
			for _, p := range e.Participants {
				got = append(got, name[p])
			}
			if strings.Join(got, ",") == strings.Join(people, ",") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s %s %v not found in %+v", want.Kind, want.Leader, people, an.Events)
		}
	}
}
