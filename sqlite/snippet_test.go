package sqlite

import (
	"fmt"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
)

// render shows a snippet with its matches in brackets.
func render(parts []dateline.SnippetPart) string {
	var b strings.Builder
	for _, p := range parts {
		if p.Match {
			b.WriteString("[" + p.Text + "]")
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func TestSnippet(t *testing.T) {
	var long []string
	for i := 0; i < 100; i++ {
		long = append(long, fmt.Sprintf("w%d", i))
	}
	long[80] = "Harbour"
	tests := []struct {
		name, text, query string
		n                 int
		want              string
	}{
		{"word, any case", "The Harbour reopened.", "harbour", 10, "The [Harbour] reopened."},
		{"phrase", "Talks at the White House, not the white van.", `"white house"`, 20, "Talks at the [White House], not the white van."},
		{"phrase in words", "Talks at the White House.", "white house", 20, "Talks at the [White] [House]."},
		{"prefix", "Taxes and tax cuts, not taxonomy.", "tax*", 20, "[Taxes] and [tax] cuts, not [taxonomy]."},
		{"diacritics", "Zélensky met Lavrov in Genève.", "zelensky geneve", 20, "[Zélensky] met Lavrov in [Genève]."},
		{"excluded words unmarked", "The government shutdown ended.", "government -shutdown", 20, "The [government] shutdown ended."},
		{"OR", "Republicans and a democrat.", "republicans OR democrat", 20, "[Republicans] and a [democrat]."},
		{"no match: opening words", "One two three four five.", "zebra", 3, "One two three…"},
		{"no query", "One two three four five.", "", 3, "One two three…"},
		{"window around the match", strings.Join(long, " "), "harbour", 8, "…w78 w79 [Harbour] w81 w82 w83 w84 w85…"},
		{"best window holds most terms", "alpha x x x x x x x x beta alpha x x x", "alpha beta", 4, "…x [beta] [alpha] x…"},
		{"empty", "", "harbour", 10, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(snippet(tt.text, queryTerms(tt.query), tt.n))
			if got != tt.want {
				t.Errorf("snippet = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	text := "Zelenskyy's “peace” plan—20 points; naïve\u00a0e-mail"
	var got []string
	for _, tk := range tokenize(text) {
		got = append(got, text[tk.start:tk.end])
	}
	want := "[Zelenskyy s peace plan 20 points naïve e mail]"
	if fmt.Sprint(got) != want {
		t.Errorf("tokenize = %v, want %s", got, want)
	}
}
