package eval

import "testing"

func TestScoreDates(t *testing.T) {
	pages := []Page{
		{Gold: Gold{Date: "2020-01-02"}}, // TP
		{Gold: Gold{Date: "2020-01-02"}}, // FP: wrong day
		{Gold: Gold{Date: "2020-01-02"}}, // FN: no output
		{Gold: Gold{Date: ""}},           // FP: output where gold is null
		{Gold: Gold{Date: "2019-05-06"}}, // TP
	}
	res := []Result{{Date: "2020-01-02"}, {Date: "2020-01-03"}, {}, {Date: "2020-01-01"}, {Date: "2019-05-06"}}
	s := ScoreDates(pages, res)
	if s != (DateScore{TP: 2, FP: 2, FN: 1, N: 5}) {
		t.Fatalf("got %+v, want TP 2 FP 2 FN 1 N 5", s)
	}
	// P = 2/4, R = 2/3, F1 = 4/(4+2+1), accuracy = 2/5.
	checks := []struct {
		name      string
		got, want float64
	}{
		{"precision", s.Precision(), 0.5},
		{"recall", s.Recall(), 2.0 / 3},
		{"F1", s.F1(), 4.0 / 7},
		{"accuracy", s.Accuracy(), 0.4},
	}
	for _, c := range checks {
		if !near(c.got, c.want) {
			t.Errorf("%s = %.4f, want %.4f", c.name, c.got, c.want)
		}
	}
}
