package quote

import (
	"slices"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/segment"
)

// TestInterviewTurns reads a transcript's turns as attributions, with
// the unlabelled paragraph between two turns going on the turn before
// it, and leaves alone capitals that do not take turns.
func TestInterviewTurns(t *testing.T) {
	m := loadModel(t)
	text := strings.Join([]string{
		"The mayor spoke to the station on Sunday. A partial transcript follows:",
		"\"MARIA LOPEZ: Will the bridge open before winter?",
		"\"DAVIS: We expect it to open in November, if the weather holds.",
		"\"The crews are working double shifts to get there.",
		"\"(CROSSTALK.)",
		"\"LOPEZ: And the cost?",
		"\"DAVIS: It stays within the budget the council approved.",
	}, "\n\n")
	var got []string
	for _, r := range m.Relations([]rune(text), segment.Split(text)) {
		got = append(got, pieceText(text, r.Source)+" "+pieceText(text, r.Cue)+" "+pieceText(text, r.Content))
	}
	want := []string{
		"MARIA LOPEZ : Will the bridge open before winter?",
		"DAVIS : We expect it to open in November, if the weather holds. | The crews are working double shifts to get there.",
		"LOPEZ : And the cost?",
		"DAVIS : It stays within the budget the council approved.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("relations\n%q\nwant\n%q", got, want)
	}

	// A lone heading in capitals is no turn.
	lone := "UPDATE: The bridge opened on Monday.\n\nCrews worked through the night."
	for _, r := range m.Relations([]rune(lone), segment.Split(lone)) {
		if pieceText(lone, r.Cue) == ":" {
			t.Errorf("%q: a heading read as a turn", lone)
		}
	}
}

// pieceText is the text of a span's pieces, joined by " | ".
func pieceText(text string, ps Pieces) string {
	r := []rune(text)
	var out []string
	for _, p := range ps {
		out = append(out, string(r[p[0]:p[1]]))
	}
	return strings.Join(out, " | ")
}

// TestTurnQuotes gives each paragraph of a quoted transcript its own
// speaker, without the label, and none to a paragraph nobody speaks.
func TestTurnQuotes(t *testing.T) {
	m := loadModel(t)
	text := strings.Join([]string{
		"A partial transcript follows:",
		"\"LOPEZ: Will the bridge open before winter?",
		"\"DAVIS: We expect it to open in November, if the weather holds.",
		"\"(CROSSTALK.)",
		"\"LOPEZ: And what will it cost the city in the end?",
		"\"DAVIS: It stays within the budget the council approved.",
	}, "\n\n")
	qs, _ := m.Find([]rune(text), segment.Split(text), nil)
	var got []string
	for _, q := range qs {
		got = append(got, q.SpeakerText+": "+q.Text)
	}
	want := []string{
		"LOPEZ: Will the bridge open before winter?",
		"DAVIS: We expect it to open in November, if the weather holds.",
		"LOPEZ: And what will it cost the city in the end?",
		"DAVIS: It stays within the budget the council approved.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("quotes\n%q\nwant\n%q", got, want)
	}
}
