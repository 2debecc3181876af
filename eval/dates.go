package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// LoadDates reads htmldate's evaluation set in dir: gold.jsonl lines
// {"url", "file", "date"} (date YYYY-MM-DD or null) and html/<file>,
// gzipped. Pages are kept in the order of gold.jsonl.
func LoadDates(dir string) (*Set, error) {
	f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("load dates: %w", err)
	}
	defer f.Close()
	set := &Set{Name: "htmldate " + filepath.Base(dir), score: scoreDates, Notes: datesNotes}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var g struct {
			URL  string  `json:"url"`
			File string  `json:"file"`
			Date *string `json:"date"`
		}
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("load dates: gold.jsonl line %d: %w", n, err)
		}
		html, err := readGzip(filepath.Join(dir, "html", g.File))
		if err != nil {
			return nil, fmt.Errorf("load dates: %w", err)
		}
		set.Pages = append(set.Pages, Page{ID: g.File, URL: g.URL, HTML: html, Gold: Gold{Date: str(g.Date)}})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load dates: %w", err)
	}
	return set, nil
}

var datesNotes = []string{
	"htmldate's scoring: no output = FN; output equal to the gold date = TP; any other output (also where gold is null) = FP; " +
		"P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN), accuracy = TP/N",
}

// DateScore is htmldate's confusion count for one run.
type DateScore struct{ TP, FP, FN, N int }

// ScoreDates scores the Date of each result against the gold date: an
// empty output is a false negative, an exact match a true positive and
// anything else, including a date for a page whose gold is empty, a false
// positive.
func ScoreDates(pages []Page, res []Result) DateScore {
	var s DateScore
	for i, p := range pages {
		s.N++
		switch d := res[i].Date; {
		case d == "":
			s.FN++
		case d == p.Gold.Date:
			s.TP++
		default:
			s.FP++
		}
	}
	return s
}

func scoreDates(pages []Page, res []Result) []Line { return ScoreDates(pages, res).lines() }

// Precision, Recall, F1 and Accuracy are htmldate's definitions.
func (s DateScore) Precision() float64 { return div(s.TP, s.TP+s.FP) }
func (s DateScore) Recall() float64    { return div(s.TP, s.TP+s.FN) }
func (s DateScore) F1() float64        { return div(2*s.TP, 2*s.TP+s.FP+s.FN) }
func (s DateScore) Accuracy() float64  { return div(s.TP, s.N) }

func div(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

func (s DateScore) lines() []Line {
	f := func(v float64) string { return fmt.Sprintf("%.3f", v) }
	return []Line{
		{"date precision", f(s.Precision())},
		{"date recall", f(s.Recall())},
		{"date F1", f(s.F1())},
		{"date accuracy", f(s.Accuracy())},
		{"TP / FP / FN", fmt.Sprintf("%d/%d/%d", s.TP, s.FP, s.FN)},
	}
}
