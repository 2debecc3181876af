package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/extract"
	"github.com/datelinehq/dateline/input"
	"github.com/datelinehq/dateline/internal/corpus"
)

// sources resolves the corpus subdirectories to read.
func sources(dir, only string) ([]string, error) {
	if dir == "" {
		dir = corpus.Find()
	}
	if dir == "" {
		return nil, fmt.Errorf("corpus not found: set -corpus or $%s", corpus.EnvDir)
	}
	var out []string
	for _, sub := range strings.Split(only, ",") {
		p := filepath.Join(dir, strings.TrimSpace(sub))
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("corpus source: %w", err)
		}
		out = append(out, p)
	}
	return out, nil
}

// base is the extracted dev corpus that synthetic articles are made from.
type base struct {
	articles []dateline.Article
	paras    []string // every body paragraph of every article
}

// load extracts every page of the sources once.
func load(ctx context.Context, srcs []string) (*base, error) {
	b := &base{}
	err := input.Walk(ctx, srcs, input.Options{}, func(it input.Item) error {
		if it.Err != nil {
			return nil
		}
		a, err := extract.Page(it.Body, extract.Options{URL: it.URL, ContentType: it.ContentType})
		if err != nil || len(a.Paragraphs) < 3 {
			return nil
		}
		b.articles = append(b.articles, *a)
		b.paras = append(b.paras, a.Paragraphs...)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load corpus: %w", err)
	}
	if len(b.articles) == 0 {
		return nil, fmt.Errorf("load corpus: no articles in %v", srcs)
	}
	return b, nil
}

// sites the synthetic articles are spread over, for the site facet.
var sites = []string{"Daily Ledger", "Morning Wire", "Capital Post", "Harbour Times", "Valley Courier",
	"Northern Star", "Evening Standard", "Metro Journal", "Coast Observer", "Plains Gazette",
	"River Herald", "Summit Tribune", "Lakeside News", "Central Dispatch", "Border Chronicle"}

// synth makes article i: the paragraphs of one corpus article, a third of
// them replaced by paragraphs of others and the order shuffled a little,
// so that each synthetic article is new content (not a near-duplicate)
// with the vocabulary and length of real news.
func (b *base) synth(i int, rng *rand.Rand) dateline.Article {
	src := b.articles[i%len(b.articles)]
	paras := append([]string(nil), src.Paragraphs...)
	for j := range paras {
		if rng.IntN(3) == 0 {
			paras[j] = b.paras[rng.IntN(len(b.paras))]
		}
	}
	if len(paras) > 2 {
		j := 1 + rng.IntN(len(paras)-1)
		paras[0], paras[j] = paras[j], paras[0]
	}
	site := sites[rng.IntN(len(sites))]
	slug := strings.ReplaceAll(strings.ToLower(site), " ", "")
	title := src.Title
	if title == "" {
		title = firstWords(paras[0], 10)
	}
	day := fmt.Sprintf("%04d-%02d-%02d", 2015+rng.IntN(11), 1+rng.IntN(12), 1+rng.IntN(28))
	text := strings.Join(paras, "\n\n")
	return dateline.Article{
		Source: fmt.Sprintf("synthetic:%d", i), URL: fmt.Sprintf("https://%s.example/news/%d", slug, i),
		Title: title, Authors: []string{}, Published: day, Language: "en", SiteName: site,
		Paragraphs: paras, Text: text, WordCount: len(strings.Fields(text)),
	}
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) > n {
		w = w[:n]
	}
	return strings.Join(w, " ")
}
