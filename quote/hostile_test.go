package quote

import (
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/segment"
)

func loadModel(t testing.TB) *Model {
	t.Helper()
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// check runs Find on text and checks that every offset indexes it.
func check(t testing.TB, m *Model, text string, ents []dateline.Entity) ([]dateline.Quote, []dateline.Attribution) {
	t.Helper()
	rs := []rune(text)
	qs, as := m.Find(rs, segment.Split(text), ents)
	in := func(what string, a, b int, s string) {
		if a < 0 || b > len(rs) || a > b {
			t.Fatalf("%s [%d, %d) outside the text (%d code points)", what, a, b, len(rs))
		}
		if s != "" && string(rs[a:b]) != s {
			t.Fatalf("%s [%d, %d) is %q, text says %q", what, a, b, s, string(rs[a:b]))
		}
	}
	for _, q := range qs {
		in("quote", q.Start, q.End, q.Text)
	}
	for _, a := range as {
		in("cue", a.Cue.Start, a.Cue.End, a.Cue.Text)
		if a.Source != nil {
			in("source", a.Source.Start, a.Source.End, a.Source.Text)
		}
		for _, p := range a.Content.Spans {
			in("content", p[0], p[1], "")
		}
	}
	return qs, as
}

func TestHostile(t *testing.T) {
	m := loadModel(t)
	long := strings.Repeat("and then he went on, ", 3000)
	for _, tc := range []struct {
		name, text string
		quotes     int // -1: any
	}{
		{"empty", "", 0},
		{"unbalanced open", "“We will win, he said. And then nothing.\n\nNext paragraph.", -1},
		{"unbalanced close", "We will win,” he said.", -1},
		{"nested doubles", "“He said “no” to me,” she said.", -1},
		{"mixed straight and curly", "\"We will win,” he said. “We will \"really\" win.\"", -1},
		{"one long quote", "“" + long + "”", 1},
		{"long quote no close", "“" + long, 1},
		{"across paragraphs", "“First part of it.\n\n“Second part of it,” Smith said.", 2},
		{"marks only", strings.Repeat("“”\"'‘’", 2000), -1},
		{"dash signature", "“It is a disgrace.” ― Jane Doe\n“So it is.” ― John Roe", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			qs, _ := check(t, m, tc.text, nil)
			if tc.quotes >= 0 && len(qs) != tc.quotes {
				t.Errorf("got %d quotes, want %d: %+v", len(qs), tc.quotes, qs)
			}
		})
	}
}

// TestContinuedQuote checks the convention of news copy: a quotation
// that runs on into the next paragraph reopens it with a mark and no
// closing mark before, and keeps its speaker.
func TestContinuedQuote(t *testing.T) {
	m := loadModel(t)
	text := "“We are going to win this election, and we will win it big,” Smith said. “Nobody thought we could.\n\n“But we did it anyway.”"
	ents := []dateline.Entity{{ID: "e1", Name: "Smith", Type: "PERSON", Mentions: []dateline.Span{{Text: "Smith", Start: strings.Index(text, "Smith") - 2, End: strings.Index(text, "Smith") + 3}}}}
	// index counts bytes; the two curly quotes before Smith are 3 bytes each
	ents[0].Mentions[0].Start = utf8.RuneCountInString(text[:strings.Index(text, "Smith")])
	ents[0].Mentions[0].End = ents[0].Mentions[0].Start + 5
	qs, _ := check(t, m, text, ents)
	if len(qs) != 3 {
		t.Fatalf("got %d quotes, want 3: %+v", len(qs), qs)
	}
	if qs[0].Speaker != "e1" {
		t.Errorf("first quote: got speaker %q, want e1", qs[0].Speaker)
	}
}

// TestLinear checks that four times the text takes about four times as
// long, for prose and for one paragraph-long quotation.
func TestLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("long input")
	}
	m := loadModel(t)
	for _, unit := range []string{
		"“I will not go,” he said, and Smith told reporters that “the talks are over” on Friday. ",
		"and he said that we will win ",
		// A transcript of many short turns, each holding a cue.
		"\"AB: he said we will win.\n\n\"CD: she said we will not.\n\n",
	} {
		// Eight times the input: linear work takes about 8 times as long,
		// quadratic 64 times. The wide margin keeps a loaded machine's
		// noise (GC, other processes) from failing a linear run.
		small := strings.Repeat(unit, 1000)
		big := strings.Repeat(unit, 8000)
		measure := func(s string) time.Duration {
			best := time.Duration(1 << 62)
			for range 3 {
				runtime.GC()
				start := time.Now()
				m.Find([]rune(s), segment.Split(s), nil)
				best = min(best, time.Since(start))
			}
			return best
		}
		ts, tb := measure(small), measure(big)
		if tb > 24*ts {
			t.Errorf("%q×8000 took %v, ×1000 %v: not linear", unit[:10], tb, ts)
		}
	}
}

func FuzzFind(f *testing.F) {
	m := loadModel(f)
	for _, s := range []string{
		"“We will win,” Trump said.",
		"\"A\" \"B\n\n\"C",
		"“a “b” c” ― D E",
		"He said: “One.\n\n“Two.”",
		"‘x’ «y» „z“",
		"\"AB: x\n\n\"CD: y\n\n\"(Z.)\n\n\"AB:",
		"She said:\n\nPence said on “Fox News Sunday.”",
		"Meanwhile, x, according to y.",
		"She seemed to suggest. Both even seemed",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		check(t, m, text, nil)
	})
}
