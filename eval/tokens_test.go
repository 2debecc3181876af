package eval

import (
	"math"
	"slices"
	"testing"
)

// Expected tokens were computed with Python 3: re.findall(r'\w+', s.lower()).
func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"ascii", "Hello, World! hello", []string{"hello", "world", "hello"}},
		{"underscore", "snake_case x_1 __", []string{"snake_case", "x_1", "__"}},
		{"apostrophe", "don't rock'n'roll", []string{"don", "t", "rock", "n", "roll"}},
		{"curly apostrophe", "It’s", []string{"it", "s"}},
		{"unicode letters", "Café Ärger STRASSE", []string{"café", "ärger", "strasse"}},
		{"combining mark splits", "cafe\u0301", []string{"cafe"}},
		{"dotted capital I", "İstanbul", []string{"i", "stanbul"}},
		{"final sigma", "ΟΔΟΣ Σ ΑΣ. ΑΣ'Β", []string{"οδος", "σ", "ας", "ασ", "β"}},
		{"numbers", "½ Ⅻ x² 3.14", []string{"½", "ⅻ", "x²", "3", "14"}},
		{"cjk", "日本語 テスト", []string{"日本語", "テスト"}},
		{"empty", " -- ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokens(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWordF1(t *testing.T) {
	tests := []struct {
		name      string
		pred, ref string
		p, r, f1  float64
	}{
		// pred: the cat sat on the mat (6), ref: the cat sat (3), overlap 3.
		{"repeated token counted once", "the cat sat on the mat", "The cat sat.", 0.5, 1, 2.0 / 3},
		{"identical", "A b_c", "a B_C", 1, 1, 1},
		{"disjoint", "one two", "three", 0, 0, 0},
		{"both empty", "", "...", 1, 1, 1},
		{"empty reference", "words", "", 0, 0, 0},
		{"empty prediction", "", "words", 0, 0, 0},
		// pred: don t stop (3), ref: do not stop (3), overlap 1.
		{"apostrophe", "don't stop", "do not stop", 1.0 / 3, 1.0 / 3, 1.0 / 3},
		// pred: i stanbul (2), ref: istanbul (1): Python's İ breaks the word.
		{"dotted I", "İstanbul", "istanbul", 0, 0, 0},
		{"final sigma equals lowercase", "ΟΔΟΣ", "οδος", 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r, f1 := WordF1(tt.pred, tt.ref)
			if !near(p, tt.p) || !near(r, tt.r) || !near(f1, tt.f1) {
				t.Errorf("WordF1(%q, %q) = %.4f %.4f %.4f, want %.4f %.4f %.4f", tt.pred, tt.ref, p, r, f1, tt.p, tt.r, tt.f1)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestSnippetRate(t *testing.T) {
	low := lower("The Quick Brown fox")
	if r, ok := snippetRate(low, []string{"quick BROWN", "lazy dog"}); !ok || r != 0.5 {
		t.Errorf("got %v %v, want 0.5 true", r, ok)
	}
	if _, ok := snippetRate(low, nil); ok {
		t.Error("no snippets: got ok, want not ok")
	}
}

func TestScoreWCXB(t *testing.T) {
	pages := []Page{
		{Gold: Gold{Text: "a b c d", With: []string{"A B", "x"}, Without: []string{"nav"}, Article: true}},
		{Gold: Gold{Text: "e f"}},
	}
	res := []Result{{Text: "a b c d NAV"}, {Text: ""}}
	s := ScoreWCXB(pages, res)
	// page 1: P 4/5 R 1 F1 8/9; page 2: 0.
	if !near(s.ArticleF1, 8.0/9) || !near(s.F1, 4.0/9) {
		t.Errorf("F1 articles %.4f all %.4f, want %.4f %.4f", s.ArticleF1, s.F1, 8.0/9, 4.0/9)
	}
	if s.WithFound != 0.5 || s.WithoutAbsent != 0 || s.withPages != 1 || s.woutPages != 1 {
		t.Errorf("with %v (%d pages) without %v (%d pages), want 0.5 (1) 0 (1)", s.WithFound, s.withPages, s.WithoutAbsent, s.woutPages)
	}
}

func TestScoreSnippets(t *testing.T) {
	pages := []Page{
		{Gold: Gold{With: []string{"Alpha", "beta"}, Without: []string{"Menu", "Footer"}}},
		{Gold: Gold{With: []string{"x"}, Without: []string{"y"}}},
	}
	res := []Result{{Text: "Alpha and Beta. Menu"}, {}}
	s := ScoreSnippets(pages, res)
	// "beta" is case-sensitive: missed. Empty text: FN for with, TN for without.
	if s.TP != 1 || s.FN != 2 || s.FP != 1 || s.TN != 2 {
		t.Errorf("got TP %d FN %d FP %d TN %d, want 1 2 1 2", s.TP, s.FN, s.FP, s.TN)
	}
}
