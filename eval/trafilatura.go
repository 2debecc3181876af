package eval

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The go-trafilatura module (github.com/markusmobius/go-trafilatura) ships
// trafilatura's evaluation set: pages in test-files/comparison (a few in
// test-files/mock) and the annotations as a Go map literal, comparisonData
// in scripts/comparison/data.go, keyed by URL, with the file name, the
// phrases that must ("with") and must not ("without") be extracted and,
// for many pages, title, authors and date. That file is package main, so it
// is read here with go/parser instead of being imported; this package takes
// the module directory and never links go-trafilatura itself.

// LoadTrafilatura reads the evaluation set from the go-trafilatura module
// directory (as `go list -m -f {{.Dir}}` prints it), in source order.
func LoadTrafilatura(moduleDir string) (*Set, error) {
	entries, err := parseComparisonData(filepath.Join(moduleDir, "scripts", "comparison", "data.go"))
	if err != nil {
		return nil, fmt.Errorf("load trafilatura set: %w", err)
	}
	set := &Set{Name: "trafilatura test-files", score: scoreSnippets, Notes: trafilaturaNotes}
	for _, e := range entries {
		var html []byte
		for _, sub := range []string{"comparison", "mock"} {
			html, err = os.ReadFile(filepath.Join(moduleDir, "test-files", sub, e.fields["File"]))
			if err == nil {
				break
			}
		}
		if err != nil {
			return nil, fmt.Errorf("load trafilatura set: %w", err)
		}
		set.Pages = append(set.Pages, Page{ID: e.fields["File"], URL: e.url, HTML: html, Gold: Gold{
			Title: e.fields["Title"], Author: strings.Join(e.lists["Authors"], "; "), Date: e.fields["Date"],
			With: e.lists["With"], Without: e.lists["Without"],
		}})
	}
	return set, nil
}

type comparisonEntry struct {
	url    string
	fields map[string]string   // string fields by Go field name
	lists  map[string][]string // []string fields by Go field name
}

// parseComparisonData reads the comparisonData map literal. Only string
// literals and []string literals of them are accepted; anything else is an
// error rather than a silently wrong gold value.
func parseComparisonData(name string) ([]comparisonEntry, error) {
	f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var lit *ast.CompositeLit
	ast.Inspect(f, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Names) == 1 && vs.Names[0].Name == "comparisonData" && len(vs.Values) == 1 {
			lit, _ = vs.Values[0].(*ast.CompositeLit)
		}
		return lit == nil
	})
	if lit == nil {
		return nil, errors.New(name + ": no comparisonData map literal")
	}
	var out []comparisonEntry
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, errors.New(name + ": unexpected map element")
		}
		url, err := stringLit(kv.Key)
		if err != nil {
			return nil, err
		}
		e := comparisonEntry{url: url, fields: map[string]string{}, lists: map[string][]string{}}
		body, ok := kv.Value.(*ast.CompositeLit)
		if !ok {
			return nil, fmt.Errorf("%s: entry %s is not a struct literal", name, url)
		}
		for _, fe := range body.Elts {
			if err := e.set(fe); err != nil {
				return nil, fmt.Errorf("%s: entry %s: %w", name, url, err)
			}
		}
		if e.fields["File"] == "" {
			return nil, fmt.Errorf("%s: entry %s has no File", name, url)
		}
		out = append(out, e)
	}
	return out, nil
}

func (e *comparisonEntry) set(n ast.Expr) error {
	kv, ok := n.(*ast.KeyValueExpr)
	if !ok {
		return errors.New("field without a name")
	}
	key, ok := kv.Key.(*ast.Ident)
	if !ok {
		return errors.New("field name is not an identifier")
	}
	if list, ok := kv.Value.(*ast.CompositeLit); ok {
		for _, item := range list.Elts {
			s, err := stringLit(item)
			if err != nil {
				return fmt.Errorf("%s: %w", key.Name, err)
			}
			e.lists[key.Name] = append(e.lists[key.Name], s)
		}
		return nil
	}
	s, err := stringLit(kv.Value)
	if err != nil {
		return fmt.Errorf("%s: %w", key.Name, err)
	}
	e.fields[key.Name] = s
	return nil
}

func stringLit(n ast.Expr) (string, error) {
	if b, ok := n.(*ast.BasicLit); ok && b.Kind == token.STRING {
		return strconv.Unquote(b.Value)
	}
	return "", fmt.Errorf("not a string literal: %T", n)
}

var trafilaturaNotes = []string{
	"snippets as trafilatura's evaluation: a 'with' phrase found (case-sensitive substring of the text) = TP, missing = FN; " +
		"a 'without' phrase found = FP, absent = TN; P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN), accuracy = (TP+TN)/all",
	fieldsNote,
}

// SnippetScore is the trafilatura-set report for one run.
type SnippetScore struct {
	TP, FN, FP, TN int
	Fields         Fields
}

// ScoreSnippets scores results against pages with with/without phrases.
func ScoreSnippets(pages []Page, res []Result) SnippetScore {
	var s SnippetScore
	for i, p := range pages {
		text := res[i].Text
		if text == "" { // as trafilatura: nothing extracted finds nothing
			s.FN += len(p.Gold.With)
			s.TN += len(p.Gold.Without)
			continue
		}
		for _, w := range p.Gold.With {
			if strings.Contains(text, w) {
				s.TP++
			} else {
				s.FN++
			}
		}
		for _, w := range p.Gold.Without {
			if strings.Contains(text, w) {
				s.FP++
			} else {
				s.TN++
			}
		}
	}
	s.Fields = scoreFields(pages, res)
	return s
}

func scoreSnippets(pages []Page, res []Result) []Line {
	return ScoreSnippets(pages, res).lines()
}

func (s SnippetScore) lines() []Line {
	tp, fp, fn, tn := float64(s.TP), float64(s.FP), float64(s.FN), float64(s.TN)
	lines := []Line{
		{"snippet precision", ratio(tp, tp+fp)},
		{"snippet recall", ratio(tp, tp+fn)},
		{"snippet F1", ratio(2*tp, 2*tp+fp+fn)},
		{"snippet accuracy", ratio(tp+tn, tp+tn+fp+fn)},
	}
	return append(lines, s.Fields.lines()...)
}
