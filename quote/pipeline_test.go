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

// TestSeedPipeline reads the seed page through the whole pipeline
// (extract, entities, quotes) and checks what this package answers for:
// each quote of the text with its cue and speaker mention, and its
// speaker entity where the entity stage found that entity; the meeting
// and both delegations. Quotes only in the standfirst have no offsets
// into the text, and are logged, not required.
func TestSeedPipeline(t *testing.T) {
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
	page, err := os.ReadFile(filepath.Join(dir, "alaska-summit.html"))
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
	known := func(n string) bool {
		for _, v := range name {
			if v == n {
				return true
			}
		}
		return false
	}
	for _, want := range g.Quotes {
		var got *dateline.Quote
		for i, q := range an.Quotes {
			if q.Text == want.Text {
				got = &an.Quotes[i]
			}
		}
		switch {
		case got == nil && !strings.Contains(an.Text, want.Text):
			t.Logf("quote %q is not in the text (standfirst only)", want.Text)
		case got == nil:
			t.Errorf("quote %q not found", want.Text)
		default:
			if !strings.Contains(got.Cue, want.Cue) {
				t.Errorf("quote %q: got cue %q, want %q", want.Text, got.Cue, want.Cue)
			}
			if want.SpeakerMention != "" && got.SpeakerText != want.SpeakerMention {
				t.Errorf("quote %q: got speaker mention %q, want %q", want.Text, got.SpeakerText, want.SpeakerMention)
			}
			if !known(want.Speaker) {
				t.Logf("quote %q: the entity stage has no %q; speaker %q", want.Text, want.Speaker, got.Speaker)
			} else if name[got.Speaker] != want.Speaker {
				t.Errorf("quote %q: got speaker %q, want %q", want.Text, name[got.Speaker], want.Speaker)
			}
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
