package segment

import (
	"strings"
	"testing"
)

func texts(ts []Token) string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Text)
	}
	return strings.Join(out, " ")
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"US President Donald Trump met Putin.", "US President Donald Trump met Putin ."},
		{"Kyiv’s top demand", "Kyiv ’s top demand"},
		{"They don't know", "They do n't know"},
		{"The U.S. military", "The U.S. military"},
		{"Joint Base Elmendorf-Richardson, Alaska", "Joint Base Elmendorf-Richardson , Alaska"},
		{"“Everything concerning Ukraine,” he insisted", "“ Everything concerning Ukraine , ” he insisted"},
		{"It cost $1,000.50 at 10:30 a.m. on 9/11", "It cost $ 1,000.50 at 10:30 a.m. on 9/11"},
		{"Mr. Smith and Dr. Jones", "Mr. Smith and Dr. Jones"},
		{"J. R. R. Tolkien", "J. R. R. Tolkien"},
		{"wait... what?!", "wait ... what ? !"},
		{"Rep. Jim Clyburn (D-S.C.), the leader", "Rep. Jim Clyburn ( D-S.C. ) , the leader"},
		{"a well-known x-ray.", "a well-known x-ray ."},
		{"", ""},
	}
	for _, tt := range tests {
		if got := texts(Tokenize(tt.in)); got != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOffsetsAreCodePoints(t *testing.T) {
	text := "Zelenskyy said: “Everything — ok.” Then Putin’s aide left."
	runes := []rune(text)
	for _, tok := range Tokenize(text) {
		if got := string(runes[tok.Start:tok.End]); got != tok.Text {
			t.Errorf("token %q at [%d,%d) reads %q", tok.Text, tok.Start, tok.End, got)
		}
	}
}

func TestSplit(t *testing.T) {
	text := "Trump met Putin in Anchorage. “I may leave,” he told reporters. The U.S. delegation left.\n\nA new paragraph without a stop\n\nMr. Smith went to Washington. He spoke. Del. Stacey Plaskett said so. George W. Bush agreed with vitamin C. Then he left."
	var got []string
	for _, s := range Split(text) {
		got = append(got, texts(s.Tokens))
	}
	want := []string{
		"Trump met Putin in Anchorage .",
		"“ I may leave , ” he told reporters .",
		"The U.S. delegation left .",
		"A new paragraph without a stop",
		"Mr. Smith went to Washington .",
		"He spoke .",
		"Del. Stacey Plaskett said so .",
		"George W. Bush agreed with vitamin C.",
		"Then he left .",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Split:\n got %q\nwant %q", got, want)
	}
}

func TestSplitEndsAfterClosingQuote(t *testing.T) {
	s := Split("He said “no.” She left.")
	if len(s) != 2 || texts(s[0].Tokens) != "He said “ no . ”" {
		t.Errorf("got %d sentences: %q", len(s), texts(s[0].Tokens))
	}
}

// TestSplitBeforeOpeningQuote checks that a straight mark opening a
// quotation after a full stop starts the next sentence, where it used to
// close the one before ("He said so. "" | "It was fine …").
func TestSplitBeforeOpeningQuote(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{`He said so. "It was fine," he said. "Yes."`,
			[]string{`He said so .`, `" It was fine , " he said .`, `" Yes . "`}},
		{`He said so. ''It was fine,'' he said.`,
			[]string{`He said so .`, `'' It was fine , '' he said .`}},
		{`He said "no." She left.`,
			[]string{`He said " no . "`, `She left .`}},
		{`He said 'no.' She left.`,
			[]string{`He said ' no . '`, `She left .`}},
	} {
		checkSplit(t, c.text, c.want)
	}
}

// TestSplitKeepsSignature checks that a quoted question or exclamation
// keeps the signature after it in its sentence, and that other words
// after it still open a new one.
func TestSplitKeepsSignature(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{`“Why not?” Trump asked. “It is fine.”`,
			[]string{`“ Why not ? ” Trump asked .`, `“ It is fine . ”`}},
		{`"Get out!" Sen. Bernie Sanders shouted.`,
			[]string{`" Get out ! " Sen. Bernie Sanders shouted .`}},
		{`He asked, “Why not?” Then he left.`,
			[]string{`He asked , “ Why not ? ”`, `Then he left .`}},
		{`“Why?” Trump said that he would.`,
			[]string{`“ Why ? ”`, `Trump said that he would .`}},
		{`“It is fine.” Trump said so.`,
			[]string{`“ It is fine . ”`, `Trump said so .`}},
	} {
		checkSplit(t, c.text, c.want)
	}
}

// checkSplit checks the sentences of text, each as its tokens joined by
// spaces.
func checkSplit(t *testing.T, text string, want []string) {
	t.Helper()
	var got []string
	for _, s := range Split(text) {
		got = append(got, texts(s.Tokens))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Split(%q):\n got %q\nwant %q", text, got, want)
	}
}

// TestLinear checks that a megabyte without punctuation or breaks is
// handled in one pass (the test deadline catches quadratic behaviour).
func TestLinear(t *testing.T) {
	big := strings.Repeat("word ", 200000)
	if n := len(Split(big)); n != 1 {
		t.Errorf("got %d sentences, want 1", n)
	}
	nl := strings.Repeat("line.\n\n", 100000)
	if n := len(Split(nl)); n != 100000 {
		t.Errorf("got %d sentences, want 100000", n)
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("Trump met Putin. “Ok,” he said.\n\nU.S. troops.")
	f.Add("\x00\xff’s n't ...")
	f.Fuzz(func(t *testing.T, text string) {
		runes := []rune(text)
		last := 0
		for _, s := range Split(text) {
			for _, tok := range s.Tokens {
				if tok.Start < last || tok.End <= tok.Start || tok.End > len(runes) {
					t.Fatalf("bad token span %+v (last %d, len %d)", tok, last, len(runes))
				}
				last = tok.End
			}
		}
	})
}
