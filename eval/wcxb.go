package eval

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// wcxbFile is the part of a WCXB ground-truth file that is scored.
type wcxbFile struct {
	URL      string `json:"url"`
	Internal struct {
		PageType json.RawMessage `json:"page_type"`
	} `json:"_internal"`
	Truth struct {
		Title       *string  `json:"title"`
		Author      *string  `json:"author"`
		PublishDate *string  `json:"publish_date"`
		MainContent *string  `json:"main_content"`
		With        []string `json:"with"`
		Without     []string `json:"without"`
	} `json:"ground_truth"`
}

// primaryType reads _internal.page_type, an object with "primary" or a bare
// string; like evaluate.py it defaults to "article".
func (f wcxbFile) primaryType() string {
	var obj struct {
		Primary *string `json:"primary"`
	}
	if json.Unmarshal(f.Internal.PageType, &obj) == nil && obj.Primary != nil {
		return *obj.Primary
	}
	var s string
	if json.Unmarshal(f.Internal.PageType, &s) == nil && s != "" {
		return s
	}
	return "article"
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// LoadWCXB reads the WCXB split in dir (html/<id>.html.gz and
// ground-truth/<id>.json), every page into memory, in id order.
func LoadWCXB(dir string) (*Set, error) {
	names, err := filepath.Glob(filepath.Join(dir, "ground-truth", "*.json"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("load wcxb: no ground-truth/*.json in %s", dir)
	}
	sort.Strings(names)
	set := &Set{Name: filepath.Base(dir), score: scoreWCXB, Notes: wcxbNotes}
	for _, name := range names {
		id := strings.TrimSuffix(filepath.Base(name), ".json")
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("load wcxb: %w", err)
		}
		var f wcxbFile
		if err := json.Unmarshal(data, &f); err != nil {
			return nil, fmt.Errorf("load wcxb %s: %w", name, err)
		}
		html, err := readGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, fmt.Errorf("load wcxb: %w", err)
		}
		t := f.Truth
		set.Pages = append(set.Pages, Page{ID: id, URL: f.URL, HTML: html, Gold: Gold{
			Title: str(t.Title), Author: str(t.Author), Date: str(t.PublishDate),
			Text: str(t.MainContent), With: t.With, Without: t.Without,
			Article: f.primaryType() == "article",
		}})
	}
	return set, nil
}

func readGzip(name string) ([]byte, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

var wcxbNotes = []string{
	"F1: bag-of-words over lowercase \\w+ tokens per page, as evaluate.py; macro-averaged over article pages and over all pages",
	"with found / without absent: per-page share of snippets found / not found (case-insensitive), averaged over pages that have such snippets " +
		"(evaluate.py reports 'without' as found, lower is better, and counts pages without snippets as 1.0)",
	fieldsNote,
}

// WCXBScore is the WCXB report for one run.
type WCXBScore struct {
	Articles, Pages      int     // pages scored: articles, all
	ArticleF1, F1        float64 // macro F1
	Precision, Recall    float64 // macro over all pages
	WithFound            float64 // mean share of "with" snippets found
	WithoutAbsent        float64 // mean share of "without" snippets absent
	withPages, woutPages int
	Fields               Fields
}

func scoreWCXB(pages []Page, res []Result) []Line {
	return ScoreWCXB(pages, res).lines()
}

// ScoreWCXB scores results against WCXB pages (res[i] belongs to pages[i]).
func ScoreWCXB(pages []Page, res []Result) WCXBScore {
	var s WCXBScore
	for i, p := range pages {
		prec, rec, f1 := WordF1(res[i].Text, p.Gold.Text)
		s.Pages++
		s.F1 += f1
		s.Precision += prec
		s.Recall += rec
		if p.Gold.Article {
			s.Articles++
			s.ArticleF1 += f1
		}
		low := lower(res[i].Text)
		if r, ok := snippetRate(low, p.Gold.With); ok {
			s.WithFound += r
			s.withPages++
		}
		if r, ok := snippetRate(low, p.Gold.Without); ok {
			s.WithoutAbsent += 1 - r
			s.woutPages++
		}
	}
	div := func(v *float64, n int) {
		if n > 0 {
			*v /= float64(n)
		}
	}
	div(&s.ArticleF1, s.Articles)
	div(&s.F1, s.Pages)
	div(&s.Precision, s.Pages)
	div(&s.Recall, s.Pages)
	div(&s.WithFound, s.withPages)
	div(&s.WithoutAbsent, s.woutPages)
	s.Fields = scoreFields(pages, res)
	return s
}

func (s WCXBScore) lines() []Line {
	f := func(v float64) string { return fmt.Sprintf("%.3f", v) }
	lines := []Line{
		{fmt.Sprintf("F1 article pages (%d)", s.Articles), f(s.ArticleF1)},
		{fmt.Sprintf("F1 all pages (%d)", s.Pages), f(s.F1)},
		{"precision all pages", f(s.Precision)},
		{"recall all pages", f(s.Recall)},
		{fmt.Sprintf("with found (%d pages)", s.withPages), f(s.WithFound)},
		{fmt.Sprintf("without absent (%d pages)", s.woutPages), f(s.WithoutAbsent)},
	}
	return append(lines, s.Fields.lines()...)
}
