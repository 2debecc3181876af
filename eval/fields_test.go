package eval

import "testing"

func TestTitleMatch(t *testing.T) {
	tests := []struct {
		name       string
		pred, gold string
		want       bool
	}{
		{"exact", "Fall Trends", "Fall Trends", true},
		{"case and punctuation", "fall  trends!", "Fall Trends", true},
		{"site name appended", "Top Nutrition Trends for Fall | Scratch", "Top Nutrition Trends for Fall", true},
		{"long site name", "Trends | The Daily Example Newspaper", "Trends", false},
		{"cut to a word", "Top", "Top Nutrition Trends for Fall", false},
		{"not on word boundary", "Fall Trendsetters", "Fall Trends", false},
		{"empty prediction", "", "Title", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TitleMatch(tt.pred, tt.gold); got != tt.want {
				t.Errorf("TitleMatch(%q, %q) = %v, want %v", tt.pred, tt.gold, got, tt.want)
			}
		})
	}
}

func TestAuthorMatch(t *testing.T) {
	tests := []struct {
		name       string
		pred, gold string
		want       bool
	}{
		{"exact", "Andrew King", "Andrew King", true},
		{"byline", "By ANDREW KING", "Andrew King", true},
		{"list forms", "Danielle DeSiato; Donna Enzmann; Natalie Nguyen", "Danielle DeSiato, Donna Enzmann, and Natalie Nguyen", true},
		{"one of two", "Jane Doe", "Jane Doe; John Roe", false},
		{"extra co-author", "Jane Doe; John Roe", "Jane Doe", true},
		{"paragraph", "Jane Doe wrote this long piece about the weather in the north today", "Jane Doe", false},
		{"empty", "", "Jane Doe", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AuthorMatch(tt.pred, tt.gold); got != tt.want {
				t.Errorf("AuthorMatch(%q, %q) = %v, want %v", tt.pred, tt.gold, got, tt.want)
			}
		})
	}
}

func TestDateMatch(t *testing.T) {
	tests := []struct {
		pred, gold string
		want       bool
	}{
		{"2025-09-04", "2025-09-04", true},
		{"2025-09-04", "2025-09-04T10:00:00Z", true},
		{"2025-09-05", "2025-09-04", false},
		{"", "2025-09-04", false},
		{"2015-11-20", "2015-11", true},
		{"2015-12-01", "2015-11", false},
	}
	for _, tt := range tests {
		if got := DateMatch(tt.pred, tt.gold); got != tt.want {
			t.Errorf("DateMatch(%q, %q) = %v, want %v", tt.pred, tt.gold, got, tt.want)
		}
	}
}

func TestScoreFields(t *testing.T) {
	pages := []Page{
		{Gold: Gold{Title: "T", Author: "Ann Lee", Date: "2020-01-02"}},
		{Gold: Gold{Title: "U"}},
	}
	res := []Result{
		{Title: "T", Author: "Bob", Date: "2020-01-02"},
		{Title: "V", Author: "Someone", Date: "2021-01-01"},
	}
	f := scoreFields(pages, res)
	want := Fields{
		Title:  FieldScore{Gold: 2, Correct: 1},
		Author: FieldScore{Gold: 1, Correct: 0, NoGold: 1, FalseOut: 1},
		Date:   FieldScore{Gold: 1, Correct: 1, NoGold: 1, FalseOut: 1},
	}
	if f != want {
		t.Errorf("got %+v, want %+v", f, want)
	}
}

func TestFromArticleDay(t *testing.T) {
	if got := Day("2025-08-16T09:30:00+02:00"); got != "2025-08-16" {
		t.Errorf("Day = %q, want 2025-08-16", got)
	}
	if got := Day("16 August 2025"); got != "" {
		t.Errorf("Day = %q, want empty", got)
	}
}
