package quote

import (
	"slices"
	"testing"

	"github.com/datelinehq/dateline/segment"
)

func TestJoinSplit(t *testing.T) {
	for _, c := range []struct {
		text, source, cue, content, want string
		other                            string // another cue in the text, if any
	}{
		// The labeller kept the quotation after the signature.
		{"“How many times must we see this?” Clinton said. “In Tulsa, a man had his hands up.”",
			"Clinton", "said", "“In Tulsa, a man had his hands up.”",
			"“How many times must we see this?” “In Tulsa, a man had his hands up.”", ""},
		// ... or the one before it.
		{"“Every time you say that,” she said, “you give them ammunition.”",
			"she", "said", "“Every time you say that,”",
			"“Every time you say that,” “you give them ammunition.”", ""},
		// A quotation inside the writer's sentence brings that sentence.
		{"Clinics were “not meeting the demand,” she said. “It is like the early days.”",
			"she", "said", "“It is like the early days.”",
			"Clinics were “not meeting the demand,” “It is like the early days.”", ""},
		// ... unless a cue of its own stands in it.
		{"Critics said clinics were “not meeting the demand,” she said. “It is like the early days.”",
			"she", "said", "“It is like the early days.”",
			"“It is like the early days.”", "Critics said"},
		// The second quotation opens the next paragraph.
		{"“We are not done,” Ramos said, referring to the campaign.\n\n“So I think we will win.”",
			"Ramos", "said", "“We are not done,”",
			"“We are not done,” “So I think we will win.”", ""},
		// ... or the next sentence, after a long signature.
		{"“Subpoenas are not optional,” Chaffetz said after Pagliano failed to show up. “He is a crucial witness.”",
			"Chaffetz", "said", "“Subpoenas are not optional,”",
			"“Subpoenas are not optional,” “He is a crucial witness.”", ""},
		// ... but not past another quotation in the signature's sentence.
		{"“We are not done,” Ramos said, calling it “a start.”\n\n“So I think we will win.”",
			"Ramos", "said", "“We are not done,”",
			"“We are not done,”", ""},
		// ... nor when the next paragraph's quotation has a signature of
		// its own.
		{"“Look at them,” Paradis said.\n\n“They are all here,” Bennett replied.",
			"Paradis", "said", "“Look at them,”",
			"“Look at them,”", ""},
		// A quotation holding a cue of its own stays apart.
		{"“We won,” he said. “Critics said otherwise.”",
			"he", "said", "“We won,”",
			"“We won,”", "Critics said"},
		// A participle aside in the signature does not part them ...
		{"“We are not done,” Ramos said, referring to the campaign. “So I think we will win.”",
			"Ramos", "said", "“We are not done,”",
			"“We are not done,” “So I think we will win.”", "referring"},
		// ... but one whose content is the next quotation does.
		{"“We are not done,” Ramos said, adding later in the day. “So I think we will win.”",
			"Ramos", "said", "“We are not done,”",
			"“We are not done,”", "adding"},
		// A quotation that goes on in lower case after a long signature.
		{"“Many people are uncertain,” Thiel wrote in a statement to Wired, “but most Americans agree.”",
			"Thiel", "wrote", "“Many people are uncertain,”",
			"“Many people are uncertain,” “but most Americans agree.”", ""},
		{"“Many people are uncertain,” Thiel wrote in a statement to Wired, “Most Americans agree.”",
			"Thiel", "wrote", "“Many people are uncertain,”",
			"“Many people are uncertain,”", ""},
	} {
		text, v := viewOf(c.text)
		v.cueAt = make([]bool, len(v.toks))
		find := func(s string, from int) [2]int { return tokensOf(t, v, s, from) }
		cue := find(c.cue, 0)
		if c.other != "" {
			o := find(c.other, 0)
			v.cueAt[o[1]-1] = true
		}
		r := rel{cue: cue, source: [][2]int{find(c.source, 0)}, content: [][2]int{find(c.content, 0)}}
		got := joinSplit(v, []rel{r})[0]
		if s := txt(text, v.pieces(got.content)); s != c.want {
			t.Errorf("%q: content %q, want %q", c.text, s, c.want)
		}
	}
}

// viewOf returns the code points of s and its view.
func viewOf(s string) ([]rune, *view) {
	text := []rune(s)
	return text, newView(text, segment.Split(s))
}

// tokensOf returns the first run of tokens from token from whose text
// is s.
func tokensOf(t *testing.T, v *view, s string, from int) [2]int {
	t.Helper()
	for a := from; a < len(v.toks); a++ {
		for b := a + 1; b <= len(v.toks); b++ {
			if string(v.text[v.toks[a].Start:v.toks[b-1].End]) == s {
				return [2]int{a, b}
			}
		}
	}
	t.Fatalf("%q: no tokens for %q", string(v.text), s)
	return none
}

func TestWholeQuotes(t *testing.T) {
	for _, c := range []struct {
		text, content, want string
		other               string // another relation's content, if any
	}{
		// A content that stops at a full stop inside its quotation.
		{"“We will win. We have the votes,” she said.", "“We will win.", "“We will win. We have the votes,”", ""},
		// One that reaches the close already stays.
		{"“We will win,” she said.", "“We will win,”", "“We will win,”", ""},
		// The rest is another relation's.
		{"“We will win. We have the votes,” she said.", "“We will win.", "“We will win.", "We have the votes"},
	} {
		text, v := viewOf(c.text)
		v.cueAt = make([]bool, len(v.toks))
		rels := []rel{{cue: tokensOf(t, v, "said", 0), content: [][2]int{tokensOf(t, v, c.content, 0)}}}
		if c.other != "" {
			rels = append(rels, rel{content: [][2]int{tokensOf(t, v, c.other, 0)}})
		}
		got := wholeQuotes(v, rels)[0]
		if s := txt(text, v.pieces(got.content)); s != c.want {
			t.Errorf("%q: content %q, want %q", c.text, s, c.want)
		}
	}
}

func TestAsideEnds(t *testing.T) {
	for _, c := range []struct{ text, cue, aside, content, want string }{
		// The aside runs into the signed speaker's quotation.
		{"“Every time you say that,” Tester said, referring to the excuse, “you give them ammunition.”",
			"said", "referring", "to the excuse, “you give them ammunition.”", "to the excuse"},
		// Without a quotation signed before it, the aside keeps its own.
		{"Tester spoke, calling him, among other things, “a failed candidate.”",
			"spoke", "calling", "him, among other things, “a failed candidate.”", "him, among other things, “a failed candidate.”"},
	} {
		text, v := viewOf(c.text)
		v.cueAt = make([]bool, len(v.toks))
		rels := []rel{
			{source: [][2]int{tokensOf(t, v, "Tester", 0)}, cue: tokensOf(t, v, c.cue, 0)},
			{cue: tokensOf(t, v, c.aside, 0), content: [][2]int{tokensOf(t, v, c.content, 0)}},
		}
		got := asideEnds(v, rels)[1]
		if s := txt(text, v.pieces(got.content)); s != c.want {
			t.Errorf("%q: content %q, want %q", c.text, s, c.want)
		}
	}
}

func TestMidSignatureRest(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Trump's stand has hurt him with young voters, Graham said, since most of them accept the science.",
			"Trump's stand has hurt him with young voters since most of them accept the science"},
		// Not an aside participle ...
		{"Trump's stand has hurt him with young voters, Graham said, citing a poll from May.",
			"Trump's stand has hurt him with young voters"},
		// ... nor a rest that holds a quotation.
		{"Trump's stand has hurt him with young voters, Graham said, who call it “a hoax.”",
			"Trump's stand has hurt him with young voters"},
	} {
		text, v := viewOf(c.text)
		v.cueAt = make([]bool, len(v.toks))
		r := rel{source: [][2]int{tokensOf(t, v, "Graham", 0)}, cue: tokensOf(t, v, "said", 0),
			content: [][2]int{tokensOf(t, v, "Trump's stand has hurt him with young voters", 0)}}
		if k := slices.Index(v.lw, "citing"); k >= 0 {
			v.cueAt[k] = true // an aside's cue
		}
		got := midSignature(v, []rel{r})[0]
		if s := txt(text, v.pieces(got.content)); s != c.want {
			t.Errorf("%q: content %q, want %q", c.text, s, c.want)
		}
	}
}

func TestMidSignatureFirst(t *testing.T) {
	for _, c := range []struct{ text, content, want string }{
		{"Democrats, Frank notes, applaud the shrewd management of the economy.",
			"applaud the shrewd management of the economy", "Democrats applaud the shrewd management of the economy"},
		// A quotation after the signature is framed by the writer.
		{"At the same time, Frank notes, “we applaud the management.”",
			"“we applaud the management.”", "“we applaud the management.”"},
		// ... and so is a statement after a conjunction.
		{"But, Frank notes, they applaud the management.",
			"they applaud the management", "they applaud the management"},
	} {
		text, v := viewOf(c.text)
		v.cueAt = make([]bool, len(v.toks))
		r := rel{source: [][2]int{tokensOf(t, v, "Frank", 0)}, cue: tokensOf(t, v, "notes", 0),
			content: [][2]int{tokensOf(t, v, c.content, 0)}}
		got := midSignature(v, []rel{r})[0]
		if s := txt(text, v.pieces(got.content)); s != c.want {
			t.Errorf("%q: content %q, want %q", c.text, s, c.want)
		}
	}
}
