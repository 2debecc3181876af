package quote

import (
	"testing"

	"github.com/datelinehq/dateline/segment"
)

// TestLayoutRules checks, through the shipped model, the attributions
// that rules settle: a quotation signed after it or prefaced before it
// with a speech verb (saidRelations; the second ends the text), a source
// cut before a circumstance (trimSource), a source after "… and" given
// the subject the verbs share, with the adverb in the cue (settleSource).
// Each case fails with its rule taken out. The agent of the seed's
// passive cue is checked too: the source ranker finds it.
func TestLayoutRules(t *testing.T) {
	m := loadModel(t)
	for _, c := range []struct {
		text, source, cue string
	}{
		{"“Why isn’t this crystal clear proof that an entity as big as Wells is too big to fail?” Vitter demanded.", "Vitter", "demanded"},
		{"When pressed on the plan, the 34-year-old mother of three replied, \"It's meant to benefit the mother.\"", "the 34-year-old mother of three", "replied"},
		{"The summit, hosted at Joint Base Elmendorf-Richardson, is being described by the White House as “historic” and centered on Trump’s stated goal of “pursuing peace.”", "the White House", "is being described"},
		{"Jones, at a later press gaggle, said the talks had stalled.", "Jones", "said"},
		{"Rep. Elijah Cummings, in a statement, said the report was damning.", "Rep. Elijah Cummings", "said"},
		{"She then urges her husband to come out of the car and repeatedly says, \"Don't you do it,\" until shots ring out.", "She", "repeatedly says"},
		{"“We certainly can’t afford to do this anymore,” Trump said, adding later, “NATO is costing us a fortune.”", "Trump", "adding later"},
	} {
		text := []rune(c.text)
		found := false
		var got []string
		for _, r := range m.Relations(text, segment.Split(c.text)) {
			src, cue := txt(text, r.Source), txt(text, r.Cue)
			got = append(got, src+" | "+cue)
			found = found || src == c.source && cue == c.cue
		}
		if !found {
			t.Errorf("%q: want source %q, cue %q; got %q", c.text, c.source, c.cue, got)
		}
	}
}

func txt(text []rune, p Pieces) string {
	s := ""
	for i, x := range p {
		if i > 0 {
			s += " "
		}
		s += string(text[x[0]:x[1]])
	}
	return s
}
