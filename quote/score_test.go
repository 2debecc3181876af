package quote

import (
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline/internal/corpus"
)

// TestDevScores guards the shipped model's PolNeAR dev figures (quote/doc.go)
// against regressions, a little below what it scores: labelling on its own,
// and given the gold cues.
func TestDevScores(t *testing.T) {
	docs, err := LoadPolNeAR(filepath.Join(corpus.Dir(t, "quotes/polnear"), "dev"))
	if err != nil {
		t.Fatal(err)
	}
	m := loadModel(t)
	for _, c := range []struct {
		name                          string
		sc                            *Score
		source, cue, content, speaker float64
	}{
		{"found cues", Evaluate(m, docs), 75.5, 71.8, 60, 90},
		{"given cues", EvaluateGivenCues(m, docs), 88, 99, 74, 93},
	} {
		t.Logf("%s: source %.1f cue %.1f content %.1f speaker %.1f", c.name,
			c.sc.Source.F1(), c.sc.Cue.F1(), c.sc.Content.F1(), c.sc.SpeakerAccuracy())
		for _, x := range []struct {
			what      string
			got, want float64
		}{
			{"source F1", c.sc.Source.F1(), c.source},
			{"cue F1", c.sc.Cue.F1(), c.cue},
			{"content F1", c.sc.Content.F1(), c.content},
			{"speaker accuracy", c.sc.SpeakerAccuracy(), c.speaker},
		} {
			if x.got < x.want {
				t.Errorf("%s: %s %.1f, want at least %.1f", c.name, x.what, x.got, x.want)
			}
		}
	}
}

// TestCrossValidate runs a short cross-validation: every article is
// scored once, by a model that did not see it, and a fold count that
// leaves nothing to train on is refused.
func TestCrossValidate(t *testing.T) {
	docs, err := LoadPolNeAR(filepath.Join(corpus.Dir(t, "quotes/polnear"), "dev"))
	if err != nil {
		t.Fatal(err)
	}
	docs = docs[:30]
	sc, err := CrossValidate(docs, 3, 2, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var gold Score
	for _, d := range docs {
		gold.Add(d.Text, d.Relations, nil)
	}
	if sc.Docs != len(docs) || sc.Content.TP+sc.Content.FN != gold.Content.FN || sc.SpeakerTotal != gold.SpeakerTotal {
		t.Errorf("scored %d articles, %d gold contents, %d quotes; want %d, %d, %d",
			sc.Docs, sc.Content.TP+sc.Content.FN, sc.SpeakerTotal, len(docs), gold.Content.FN, gold.SpeakerTotal)
	}
	if sc.Content.TP == 0 {
		t.Error("no content found by the fold models")
	}
	for _, k := range []int{0, 1, len(docs) + 1} {
		if _, err := CrossValidate(docs, k, 2, nil, nil); err == nil {
			t.Errorf("%d folds: no error", k)
		}
	}
}
