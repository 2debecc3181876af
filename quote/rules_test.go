package quote

import (
	"slices"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/segment"
)

// TestLayoutRules checks, through the shipped model, the attributions
// that rules settle: a quotation signed after it or prefaced before it
// with a speech verb (saidRelations; the second ends the text), a source
// cut before a circumstance (trimSource), a source after "… and" given
// the subject the verbs share, with the adverb in the cue (settleSource),
// and the source of a participle or a coordinated verb shared with the
// cue before it (participleSources).
// Each case fails with its rule taken out, but for "adding later",
// whose source the model now finds by itself. The agent of the seed's
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
		{"The president noted that he taught constitutional law, and added: “I know a little about this.”", "The president", "added:"},
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

// TestSignatures checks the signature rule alone (saidRelations, with no
// relation from the model): the speaker after or before a quotation,
// named, or a pronoun, or a phrase opening with a determiner.
func TestSignatures(t *testing.T) {
	for _, c := range []struct{ text, source, cue string }{
		{"“Why is this not proof?” Vitter demanded.", "Vitter", "demanded"},
		{"“Blink twice if you’re in trouble!” one person tweeted.", "one person", "tweeted"},
		{"“We are not going anywhere,” his spokesman insisted.", "his spokesman", "insisted"},
		{"When pressed, the mother of three replied, “It is meant to help.”", "the mother of three", "replied"},
		{"“Fine,” said the senator.", "the senator", "said"},
	} {
		text, v := viewOf(c.text)
		rs := saidRelations(v, nil)
		if len(rs) != 1 {
			t.Errorf("%q: %d relations, want 1", c.text, len(rs))
			continue
		}
		if src, cue := txt(text, v.pieces(rs[0].source)), txt(text, v.pieces([][2]int{rs[0].cue})); src != c.source || cue != c.cue {
			t.Errorf("%q: source %q, cue %q; want %q, %q", c.text, src, cue, c.source, c.cue)
		}
	}
}

// TestRestOfSentence checks the content given to a plain verb of saying
// the models left without one, and the layouts where it gets none.
func TestRestOfSentence(t *testing.T) {
	for _, c := range []struct{ text, cue, signer, want string }{
		{"A Democratic source said he could not answer the questions because Republicans had asked late.", "said", "",
			"he could not answer the questions because Republicans had asked late"},
		{"Trump said during a Friday evening rally in Michigan that Clinton once backed the deal.", "said", "",
			"that Clinton once backed the deal"},
		{"He said before he died.", "said", "", ""},
		{"“We won,” said Jane Doe, a lawyer.", "said", "", ""},
		{"Officials told reporters the plan had failed.", "told", "", ""},
		{"It said the impact would be large: “We will win,” the union wrote.", "said", "wrote", ""},
	} {
		text, v := viewOf(c.text)
		v.cueAt = make([]bool, len(v.toks))
		cue := [2]int{-1, -1}
		for i, w := range v.lw {
			if w == c.cue && cue[0] < 0 {
				cue = [2]int{i, i + 1}
			}
			if w == c.signer {
				v.cueAt[i] = true
			}
		}
		got := txt(text, v.pieces(restOfSentence(v, v.window(0), cue)))
		if got != c.want {
			t.Errorf("%q: content %q, want %q", c.text, got, c.want)
		}
	}
}

// TestFillSigned gives a signed quotation to the relation that has its
// cue and no content, or a content elsewhere, but leaves a content that
// may be right where the quotation sits in the writer's sentence; a
// relation with no source gets the signer.
func TestFillSigned(t *testing.T) {
	for _, c := range []struct {
		text, content, want, source string
	}{
		{"“Who would have believed it?” Trump said.", "", "“Who would have believed it?”", "Trump"},
		{"“We won,” Trump said of the vote.", "the vote", "“We won,”", "Trump"},
		{"Jones said she left because “people don’t know,” she said. “We have no context.”",
			"“We have no context.”", "“We have no context.”", "she"},
		{"“It is very important,” he said.", "“It is very important,”", "“It is very important,”", "he"},
	} {
		text, v := viewOf(c.text)
		var cue [2]int
		for i := len(v.lw) - 1; i >= 0; i-- {
			if v.lw[i] == "said" {
				cue = [2]int{i, i + 1}
				break
			}
		}
		r := rel{cue: cue}
		if c.content != "" {
			r.content = [][2]int{tokensOf(t, v, c.content, 0)}
		}
		got := saidRelations(v, []rel{r})
		if s := txt(text, v.pieces(got[0].content)); s != c.want {
			t.Errorf("%q: content %q, want %q", c.text, s, c.want)
		}
		if s := txt(text, v.pieces(got[0].source)); s != c.source {
			t.Errorf("%q: source %q, want %q", c.text, s, c.source)
		}
	}
}

// TestNestedContents extends a content that stops where a relation
// nested in it starts, but not one that ends with a quotation.
func TestNestedContents(t *testing.T) {
	for _, c := range []struct {
		text, outer, innerSrc, inner, want string
	}{
		{"Aides warned that many voters say the economy is weak.", "that many", "voters", "the economy is weak",
			"that many voters say the economy is weak"},
		{"Aides warned that “many” voters say the economy is weak.", "that “many”", "voters", "the economy is weak",
			"that “many”"},
		// The outer content stops inside the inner source.
		{"Aides warned that the Commission on Presidential Debates say the economy is weak.", "that the Commission on Presidential",
			"the Commission on Presidential Debates", "the economy is weak",
			"that the Commission on Presidential Debates say the economy is weak"},
	} {
		text, v := viewOf(c.text)
		find := func(s string) [2]int { return tokensOf(t, v, s, 0) }
		rels := []rel{
			{source: [][2]int{find("Aides")}, cue: find("warned"), content: [][2]int{find(c.outer)}},
			{source: [][2]int{find(c.innerSrc)}, cue: find("say"), content: [][2]int{find(c.inner)}},
		}
		got := nestedContents(v, rels)
		if s := txt(text, v.pieces(got[0].content)); s != c.want {
			t.Errorf("%q: content %q, want %q", c.text, s, c.want)
		}
	}
}

// TestMidSignature gives a content parted by a signature in the middle
// of its sentence its other part: the speaker's words before it, but not
// the writer's circumstance before a quotation; the rest after it, but
// not another relation's content.
func TestMidSignature(t *testing.T) {
	for _, c := range []struct{ text, content, want string }{
		{"If Trump is not the nominee, Christie said, he would back a rival.",
			"he would back a rival", "If Trump is not the nominee | he would back a rival"},
		{"In a statement on Friday, Christie said, “I would back a rival.”",
			"“I would back a rival.”", "“I would back a rival.”"},
		{"Holding open a book, Christie said, “I would back a rival.”",
			"“I would back a rival.”", "“I would back a rival.”"},
		{"Just last week, Christie said, “I would back a rival.”",
			"“I would back a rival.”", "“I would back a rival.”"},
		{"The museum, Christie said, would make visitors face hard truths.",
			"The museum", "The museum | would make visitors face hard truths"},
		{"The museum, Christie said, would be “a mirror.”", "The museum", "The museum"},
		// The rest is another relation's.
		{"The museum, Christie said, would make visitors face hard truths, aides said.",
			"The museum", "The museum"},
	} {
		text, v := viewOf(c.text)
		v.cueAt = make([]bool, len(v.toks))
		find := func(s string) [2]int { return tokensOf(t, v, s, 0) }
		rels := []rel{{source: [][2]int{find("Christie")}, cue: find("said"), content: [][2]int{find(c.content)}}}
		if strings.Contains(c.text, "aides") {
			rels = append(rels, rel{source: [][2]int{find("aides")}, cue: tokensOf(t, v, "said", find("aides")[1]),
				content: [][2]int{find("The museum, Christie said, would make visitors face hard truths")}})
		}
		for _, r := range rels {
			v.cueAt[r.cue[0]] = true
		}
		if s := joinedText(text, v, midSignature(v, rels)[0].content); s != c.want {
			t.Errorf("%q: content %q, want %q", c.text, s, c.want)
		}
	}
}

// TestUnivocal keeps each token in one relation: an attribution nested
// in a content goes, unless a coordinator, a dash or a sentence opens it
// after words of the outer content, or it is an "according to"; then the
// outer content stops before it.
func TestUnivocal(t *testing.T) {
	for _, c := range []struct {
		text, outerSrc, outerCue, outer, innerSrc, innerCue, inner, want string
		kept                                                             int
	}{
		{"Aides said that many voters say the economy is weak.", "Aides", "said", "that many voters say the economy is weak",
			"voters", "say", "the economy is weak", "that many voters say the economy is weak", 1},
		{"Aides said the campaign would win, though she acknowledged it was unlikely.", "Aides", "said", "the campaign would win, though she acknowledged it was unlikely",
			"she", "acknowledged", "it was unlikely", "the campaign would win", 2},
		{"Aides said the campaign would win and warned against hackers.", "Aides", "said", "the campaign would win and warned against hackers",
			"", "warned against", "hackers", "the campaign would win", 2},
		{"Aides said Clinton plans to visit Charlotte, according to a campaign aide.", "Aides", "said", "Clinton plans to visit Charlotte, according to a campaign aide",
			"a campaign aide", "according to", "Clinton plans to visit Charlotte", "Clinton plans to visit Charlotte", 2},
		{"Clinton plans to visit Charlotte, according to a campaign aide.", "a campaign aide", "according to", "Clinton plans to visit Charlotte",
			"Clinton", "plans", "to visit Charlotte", "Clinton plans to visit Charlotte", 1},
		// A quotation is said whole, whatever it reports.
		{"“She cooperated fully, the FBI concluded that there was no basis,” said Cummings.", "Cummings", "said", "“She cooperated fully, the FBI concluded that there was no basis,”",
			"the FBI", "concluded", "that there was no basis", "“She cooperated fully, the FBI concluded that there was no basis,”", 1},
	} {
		text, v := viewOf(c.text)
		find := func(s string) [2]int { return tokensOf(t, v, s, 0) }
		inner := rel{cue: find(c.innerCue), content: [][2]int{find(c.inner)}}
		if c.innerSrc != "" {
			inner.source = [][2]int{find(c.innerSrc)}
		}
		rels := []rel{{source: [][2]int{find(c.outerSrc)}, cue: find(c.outerCue), content: [][2]int{find(c.outer)}}, inner}
		got := univocal(v, rels, false)
		if len(got) != c.kept {
			t.Errorf("%q: %d relations kept, want %d", c.text, len(got), c.kept)
		}
		if s := txt(text, v.pieces(got[0].content)); s != c.want {
			t.Errorf("%q: outer content %q, want %q", c.text, s, c.want)
		}
	}
}

// TestSentenceBefore gives a plain "said" signed after an unquoted
// statement the statement, but not when the sentence goes on after the
// signature or the statement holds a quotation.
func TestSentenceBefore(t *testing.T) {
	for _, c := range []struct{ text, source, want string }{
		{"Its first ad could start this week, said Brian Baker, an adviser.", "Brian Baker, an adviser", "Its first ad could start this week"},
		{"Those discussions are continuing, he said.", "he", "Those discussions are continuing"},
		{"Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt.", "Mr. Clarke", ""},
		{"The plan was “a disaster” for them, he said.", "he", ""},
	} {
		text, v := viewOf(c.text)
		v.cueAt = make([]bool, len(v.toks))
		src := tokensOf(t, v, c.source, 0)
		cue := tokensOf(t, v, "said", 0)
		got := sentenceBefore(v, [2]int{0, len(v.toks)}, cue, [][2]int{src})
		if s := txt(text, v.pieces(got)); s != c.want {
			t.Errorf("%q: content %q, want %q", c.text, s, c.want)
		}
	}
}

// TestHeadlineColon reads "Name: statement" in a title as who said what,
// but not a series label or a hype word, nor a colon in the body.
func TestHeadlineColon(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Pence: Gennifer Flowers Won’t Be at Debate.\n\nThe body.", "Pence | : | Gennifer Flowers Won’t Be at Debate"},
		{"The Latest: Cruz to give away engraved shotgun.\n\nThe body.", ""},
		{"BREAKING: Cruz to give away engraved shotgun.\n\nThe body.", ""},
		{"A title without one.\n\nPence: Flowers will not be at the debate.", ""},
		// A relation found in the title gives way to it.
		{"Bill Clinton: Hillary thinks schools test too much.\n\nThe body.", "Bill Clinton | : | Hillary thinks schools test too much"},
	} {
		text, v := viewOf(c.text)
		v.cueAt = make([]bool, len(v.toks))
		var found []rel
		if k := slices.Index(v.lw, "thinks"); k >= 0 {
			found = append(found, rel{source: [][2]int{{k - 1, k}}, cue: [2]int{k, k + 1}, content: [][2]int{{k + 1, k + 5}}})
		}
		var got []string
		for _, r := range headlineColon(v, found) {
			got = append(got, txt(text, v.pieces(r.source))+" | "+txt(text, v.pieces([][2]int{r.cue}))+" | "+txt(text, v.pieces(r.content)))
		}
		if s := strings.Join(got, "; "); s != c.want {
			t.Errorf("%q: got %q, want %q", c.text, s, c.want)
		}
	}
}

// TestTrimObject cuts the occasion of the saying and a second predicate
// from an object, but not from what a plain "said" introduces, nor a
// relative clause's predicate.
func TestTrimObject(t *testing.T) {
	m := loadModel(t)
	for _, c := range []struct{ text, cue, content, want string }{
		{"Trump attacked Machado in early-morning tweets.", "attacked", "Machado in early-morning tweets", "Machado"},
		{"Clinton called for more school investment in a statement on Thursday.", "called for", "more school investment in a statement on Thursday", "more school investment"},
		{"Ross said she had toured the museum during a special program.", "said", "she had toured the museum during a special program", "she had toured the museum during a special program"},
		{"Trump attacked Machado’s record as a beauty queen in early-morning tweets.", "attacked", "Machado’s record as a beauty queen in early-morning tweets", "Machado’s record as a beauty queen in early-morning tweets"},
		{"Trump has championed gay rights and extended benefits to gay couples.", "has championed", "gay rights and extended benefits to gay couples", "gay rights"},
		{"Obama cited a nation that borders China and has had friendly relations with Pyongyang.", "cited", "a nation that borders China and has had friendly relations with Pyongyang", "a nation that borders China and has had friendly relations with Pyongyang"},
		{"The firm called the charges unsubstantiated and fabricated by former employees.", "called", "the charges unsubstantiated and fabricated by former employees", "the charges unsubstantiated and fabricated by former employees"},
	} {
		text, v := viewOf(c.text)
		got := trimObject(v, v.infos(m.lex), []rel{{cue: tokensOf(t, v, c.cue, 0), content: [][2]int{tokensOf(t, v, c.content, 0)}}})
		if s := txt(text, v.pieces(got[0].content)); s != c.want {
			t.Errorf("%q: content %q, want %q", c.text, s, c.want)
		}
	}
}

// TestFirstAfter keeps the first unquoted piece after the cue, and the
// pieces before it.
func TestFirstAfter(t *testing.T) {
	text, v := viewOf("Critics would call them messianic impulses, but it has also exposed his weaknesses.")
	cue := tokensOf(t, v, "would call", 0)
	got := firstAfter(v, cue, [][2]int{tokensOf(t, v, "Critics", 0), tokensOf(t, v, "them messianic impulses", 0), tokensOf(t, v, "it has also exposed his weaknesses", 0)})
	if s := txt(text, v.pieces(got)); s != "Critics them messianic impulses" {
		t.Errorf("content %q, want the piece before the cue and the first after it", s)
	}
}

// TestCloseParens carries a content or a source on to the close of a
// parenthesis it opens.
func TestCloseParens(t *testing.T) {
	text, v := viewOf("He said Clinton would consider Rep. Don Beyer (D-Va.) for the seat.")
	open := tokensOf(t, v, "(", 0)
	got := closeParens(v, []rel{{cue: tokensOf(t, v, "said", 0), content: [][2]int{{tokensOf(t, v, "Clinton", 0)[0], open[1] + 1}}}})
	if s := txt(text, v.pieces(got[0].content)); s != "Clinton would consider Rep. Don Beyer (D-Va.)" {
		t.Errorf("content %q", s)
	}
	// ... and a source likewise.
	text, v = viewOf("Senate Minority Whip Dick Durbin (D-Ill.) said the bill was weak.")
	open = tokensOf(t, v, "(", 0)
	got = closeParens(v, []rel{{cue: tokensOf(t, v, "said", 0), source: [][2]int{{0, open[1] + 1}}}})
	if s := txt(text, v.pieces(got[0].source)); s != "Senate Minority Whip Dick Durbin (D-Ill.)" {
		t.Errorf("source %q", s)
	}
}

// joinedText is the text of a content's pieces, joined by " | ".
func joinedText(text []rune, v *view, content [][2]int) string {
	var parts []string
	for _, p := range v.pieces(content) {
		parts = append(parts, string(text[p[0]:p[1]]))
	}
	return strings.Join(parts, " | ")
}

// TestBlockAfter gives a cue that ends its paragraph with a colon the
// next paragraph as its content.
func TestBlockAfter(t *testing.T) {
	m := loadModel(t)
	text := "Ms. Reyes, the union president, said:\n\nThe contract falls short on pay and on safety, and we will not sign it as it stands.\n\nTalks resume on Friday."
	want := "The contract falls short on pay and on safety, and we will not sign it as it stands."
	for _, r := range m.Relations([]rune(text), segment.Split(text)) {
		if pieceText(text, r.Cue) == "said:" {
			if got := pieceText(text, r.Content); got != want {
				t.Errorf("content %q, want %q", got, want)
			}
			return
		}
	}
	t.Errorf("no relation with the cue \"said:\"")
}

// TestInvertedSource reads the phrase after ", said" at the end of a
// sentence as the speaker, not as what was said.
func TestInvertedSource(t *testing.T) {
	m := loadModel(t)
	text := "The economy is slowing, said the bank's chief economist."
	rs := m.Relations([]rune(text), segment.Split(text))
	if len(rs) != 1 {
		t.Fatalf("%d relations, want 1", len(rs))
	}
	if got := pieceText(text, rs[0].Source); got != "the bank's chief economist" {
		t.Errorf("source %q, want %q", got, "the bank's chief economist")
	}
	if got := pieceText(text, rs[0].Content); got != "The economy is slowing" {
		t.Errorf("content %q, want %q", got, "The economy is slowing")
	}
}

// TestDropOpener leaves the writer's linking adverbial out of what a
// source is said to have found.
func TestDropOpener(t *testing.T) {
	text := "Meanwhile, her negative ratings have been rising, according to the poll."
	_, v := viewOf(text)
	r := rel{cue: tokensOf(t, v, "according to", 0), content: [][2]int{{0, 8}}}
	got := dropOpener(v, []rel{r})[0].content
	if s := pieceText(text, v.pieces(got)); s != "her negative ratings have been rising" {
		t.Errorf("content %q, want %q", s, "her negative ratings have been rising")
	}
}

// TestAccordingRest gives an opening "According to …," left without a
// content the rest of its sentence.
func TestAccordingRest(t *testing.T) {
	text := "According to the filings, fundraising has surged since May."
	_, v := viewOf(text)
	r := rel{cue: tokensOf(t, v, "According to", 0), source: [][2]int{tokensOf(t, v, "the filings", 0)}}
	got := accordingRest(v, [2]int{0, len(v.toks)}, r)
	if s := pieceText(text, v.pieces(got)); s != "fundraising has surged since May" {
		t.Errorf("content %q, want %q", s, "fundraising has surged since May")
	}
}

// TestAsideRest gives a parenthetical "…, Roberts said, …" left without
// a content the words on both sides of it.
func TestAsideRest(t *testing.T) {
	text := "To understand the real Dred Scott, Roberts said, one should visit this museum."
	_, v := viewOf(text)
	v.cueAt = make([]bool, len(v.toks))
	r := rel{cue: tokensOf(t, v, "said", 0), source: [][2]int{tokensOf(t, v, "Roberts", 0)}}
	got := asideRest(v, [2]int{0, len(v.toks)}, r)
	want := "To understand the real Dred Scott | one should visit this museum"
	if s := pieceText(text, v.pieces(got)); s != want {
		t.Errorf("content %q, want %q", s, want)
	}
}

// TestObjectLike picks the spans right after a cue that open with "the",
// "that" or a name.
func TestObjectLike(t *testing.T) {
	for _, c := range []struct {
		text, cue, object string
		want              bool
	}{
		{"The senator backed Clinton in the primary.", "backed", "Clinton in the primary", true},
		{"He warned the hackers off.", "warned", "the hackers off", true},
		{"He denied that he knew.", "denied", "that he knew", true},
		{"He backed a plan.", "backed", "a plan", false},
		{"He said yesterday the plan failed.", "said", "the plan failed", false},
	} {
		_, v := viewOf(c.text)
		cue, obj := tokensOf(t, v, c.cue, 0), tokensOf(t, v, c.object, 0)
		if got := objectLike(v, cue, obj); got != c.want {
			t.Errorf("%q: objectLike(%q) = %v, want %v", c.text, c.object, got, c.want)
		}
	}
}

// TestSeemTo reads "X seemed to suggest Y" with the saying verb in the
// cue, X the source and Y the content, but leaves "X seemed to be ready"
// as the labellers give it.
func TestSeemTo(t *testing.T) {
	m := loadModel(t)
	for _, c := range []struct{ text, subject, cue, rest, wantCue, wantSource, wantContent string }{
		{"Obama seemed to recognize the significance of the victory.", "Obama", "seemed", "to recognize the significance of the victory",
			"seemed to recognize", "Obama", "the significance of the victory"},
		{"She appeared to imply that Trump could lead to upheaval.", "She", "appeared", "to imply that Trump could lead to upheaval",
			"appeared to imply", "She", "that Trump could lead to upheaval"},
		{"Clinton seemed to be ready to riff on the incident.", "Clinton", "seemed", "to be ready to riff on the incident",
			"seemed", "", "Clinton to be ready to riff on the incident"},
	} {
		text, v := viewOf(c.text)
		r := rel{cue: tokensOf(t, v, c.cue, 0), content: [][2]int{tokensOf(t, v, c.subject, 0), tokensOf(t, v, c.rest, 0)}}
		got := seemTo(v, v.infos(m.lex), []rel{r})[0]
		cue, src, cont := txt(text, v.pieces([][2]int{got.cue})), txt(text, v.pieces(got.source)), txt(text, v.pieces(got.content))
		if cue != c.wantCue || src != c.wantSource || cont != c.wantContent {
			t.Errorf("%q: cue %q source %q content %q, want %q, %q, %q", c.text, cue, src, cont, c.wantCue, c.wantSource, c.wantContent)
		}
	}
}

// TestAdverbCue takes an adverb before the cue into it unless a source
// or content holds it.
func TestAdverbCue(t *testing.T) {
	for _, c := range []struct{ text, cue, source, want string }{
		{"The leaders both denounced the attack.", "denounced", "The leaders", "both denounced"},
		{"Trump falsely suggested that the vote was rigged.", "suggested", "Trump", "falsely suggested"},
		{"Trump often said that the vote was rigged.", "said", "Trump often", "said"},
	} {
		text, v := viewOf(c.text)
		r := rel{cue: tokensOf(t, v, c.cue, 0)}
		if c.source != "" {
			r.source = [][2]int{tokensOf(t, v, c.source, 0)}
		}
		got := adverbCue(v, []rel{r})[0]
		if s := txt(text, v.pieces([][2]int{got.cue})); s != c.want {
			t.Errorf("%q: cue %q, want %q", c.text, s, c.want)
		}
	}
}

func TestNounCue(t *testing.T) {
	m := loadModel(t)
	for _, c := range []struct{ text, cue, content, want, wantContent string }{
		{"The summit centered on Trump’s stated goal of “pursuing peace.”", "stated", "goal of “pursuing peace.”", "stated goal", "“pursuing peace.”"},
		// No quotation after the noun: the cue stays.
		{"The summit centered on Trump’s stated goal of peace.", "stated", "goal of peace", "stated", "goal of peace"},
	} {
		text, v := viewOf(c.text)
		info := v.infos(m.lex)
		r := rel{cue: tokensOf(t, v, c.cue, 0)}
		if c.content != "" {
			r.content = [][2]int{tokensOf(t, v, c.content, 0)}
		}
		got := nounCue(v, info, []rel{r})[0]
		if s := txt(text, v.pieces([][2]int{got.cue})); s != c.want {
			t.Errorf("%q: cue %q, want %q", c.text, s, c.want)
		}
		if s := txt(text, v.pieces(got.content)); s != c.wantContent {
			t.Errorf("%q: content %q, want %q", c.text, s, c.wantContent)
		}
	}
}

// TestTrimSource cuts a source before a circumstance: after a comma, or
// an occasion right after a name ("Romero in a statement"), but not one
// inside an apposition.
func TestTrimSource(t *testing.T) {
	for _, c := range []struct{ source, want string }{
		{"Jones, at a later press gaggle", "Jones"},
		{"ACLU Director Anthony Romero in a statement", "ACLU Director Anthony Romero"},
		{"Carly Fiorina during the second debate", "Carly Fiorina"},
		{"Cruz constituent Dan Golvach when asked about it", "Cruz constituent Dan Golvach"},
		{"Sen. Jeff Merkley of Oregon", "Sen. Jeff Merkley of Oregon"},
		{"a professor in the law school", "a professor in the law school"},
		{"Ed Rendell, who chaired the DNC during the 2000 election", "Ed Rendell, who chaired the DNC during the 2000 election"},
		{"RNC spokesman Sean Spicer on Thursday evening", "RNC spokesman Sean Spicer"},
		{"The Republican National Committee this week", "The Republican National Committee"},
		{"Sen. Dianne Feinstein (D-Calif.) earlier this month", "Sen. Dianne Feinstein (D-Calif.)"},
		{"A New York Times/CBS News poll conducted last week", "A New York Times/CBS News poll conducted last week"},
		{"a WBUR poll last week", "a WBUR poll last week"},
		{"Bob Mason, who lined up to hear Mr. Trump on Tuesday", "Bob Mason, who lined up to hear Mr. Trump on Tuesday"},
		{"Don Fowler, who helmed the DNC from 1995 to 1997, during Bill Clinton's presidency", "Don Fowler, who helmed the DNC from 1995 to 1997, during Bill Clinton's presidency"},
	} {
		text, v := viewOf(c.source + " said.")
		src := tokensOf(t, v, c.source, 0)
		if got := txt(text, v.pieces([][2]int{trimSource(v, src)})); got != c.want {
			t.Errorf("%q: source %q, want %q", c.source, got, c.want)
		}
	}
}
