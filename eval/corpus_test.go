package eval

import (
	"bytes"
	"context"
	"testing"

	"github.com/datelinehq/dateline/internal/corpus"
)

func TestLoadWCXB(t *testing.T) {
	set, err := LoadWCXB(corpus.Dir(t, "extract/wcxb-dev"))
	if err != nil {
		t.Fatal(err)
	}
	articles := 0
	for _, p := range set.Pages {
		if p.Gold.Article {
			articles++
		}
		if len(p.HTML) == 0 {
			t.Errorf("page %s: empty HTML", p.ID)
		}
	}
	if len(set.Pages) != 933 || articles != 793 {
		t.Errorf("got %d pages, %d articles, want 933 and 793", len(set.Pages), articles)
	}
}

func TestLoadDates(t *testing.T) {
	set, err := LoadDates(corpus.Dir(t, "dates"))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Pages) != 800 {
		t.Errorf("got %d pages, want 800", len(set.Pages))
	}
	for _, p := range set.Pages {
		if !bytes.Contains(bytes.ToLower(p.HTML[:min(len(p.HTML), 1<<16)]), []byte("<")) {
			t.Errorf("page %s does not look like HTML", p.ID)
		}
	}
}

// TestCompare runs the whole path, load -> run -> score -> table, with a
// trivial extractor on a few pages.
func TestCompare(t *testing.T) {
	set, err := LoadWCXB(corpus.Dir(t, "extract/wcxb-dev"))
	if err != nil {
		t.Fatal(err)
	}
	set.Limit(5)
	echo := Extractor{Name: "gold", Extract: func(_ []byte, url string) (Result, error) {
		for _, p := range set.Pages {
			if p.URL == url {
				return Result{Title: p.Gold.Title, Author: p.Gold.Author, Date: p.Gold.Date, Text: p.Gold.Text}, nil
			}
		}
		return Result{}, nil
	}}
	var buf bytes.Buffer
	if err := Compare(context.Background(), &buf, set, echo); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("F1 all pages (5)")) || !bytes.Contains(buf.Bytes(), []byte("1.000")) {
		t.Errorf("table lacks the F1 row or a perfect score:\n%s", buf.String())
	}
	t.Log("\n" + buf.String())
}
