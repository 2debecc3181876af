package quote

import (
	"testing"

	"github.com/datelinehq/dateline/segment"
)

// TestDropTitles keeps the name of a programme out of the quotation
// said on it, and keeps the speech that goes on after the name.
func TestDropTitles(t *testing.T) {
	m := loadModel(t)
	for _, c := range []struct{ text, want string }{
		{`"We will keep the plant open through the winter," Hartley said on NBC's "Meet the Press."`,
			`"We will keep the plant open through the winter,"`},
		{`“The talks went well,” Okafor told reporters on “Morning Edition.”`,
			`“The talks went well,”`},
		{`In an interview on “Meet the Press,” Hartley said the plant would stay open through the winter.`,
			`the plant would stay open through the winter`},
		// A quotation in lower case after "on" is speech.
		{`“We owe them nothing,” Hartley said on Monday, “and they know it.”`,
			`“We owe them nothing,” | “and they know it.”`},
	} {
		rs := m.Relations([]rune(c.text), segment.Split(c.text))
		if len(rs) != 1 {
			t.Errorf("%q: %d relations, want 1", c.text, len(rs))
			continue
		}
		if got := pieceText(c.text, rs[0].Content); got != c.want {
			t.Errorf("%q: content %q, want %q", c.text, got, c.want)
		}
	}
	// A content that runs from a title into speech keeps the speech.
	text := `“The talks went well,” Okafor told reporters on “Morning Edition.” “We expect a deal by Friday.”`
	_, v := viewOf(text)
	cue := tokensOf(t, v, "told", 0)
	first := tokensOf(t, v, "“The talks went well,”", 0)
	rest := tokensOf(t, v, "“Morning Edition.” “We expect a deal by Friday.”", 0)
	got := dropTitles(v, []rel{{cue: cue, content: [][2]int{first, rest}}})
	if s := pieceText(text, v.pieces(got[0].content)); s != `“The talks went well,” | “We expect a deal by Friday.”` {
		t.Errorf("%q: content %q, want the speech after the title kept", text, s)
	}
}
