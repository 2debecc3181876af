package ner

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Unlabeled text for word clusters and casing, read from the shared
// corpus. Each source is optional: a missing directory adds nothing.

// readUnlabeled returns the token sequences of the unlabeled sources under
// the corpus root, in a fixed order.
func readUnlabeled(root string) ([][]string, error) {
	var out [][]string
	gmb, err := readGMBTokens(root)
	if err != nil {
		return nil, err
	}
	out = append(out, gmb...)
	for _, split := range []string{"train", "dev"} {
		dir := filepath.Join(root, "quotes", "polnear", split, "text")
		s, err := readTextDir(dir)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	s, err := readWCXB(filepath.Join(root, "extract", "wcxb-dev", "ground-truth"))
	if err != nil {
		return nil, err
	}
	out = append(out, s...)
	s, err = readHeadlines(filepath.Join(root, "stories", "uci-news-aggregator-head.csv"))
	if err != nil {
		return nil, err
	}
	return append(out, s...), nil
}

func readGMBTokens(root string) ([][]string, error) {
	var out [][]string
	for _, name := range []string{"train.conll", "dev.conll"} {
		docs, err := readCoNLLFile(filepath.Join(root, "ner", "gmb", name), 0)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			for _, s := range d {
				out = append(out, s.Tokens)
			}
		}
	}
	return out, nil
}

func readCoNLLFile(path string, tagCol int) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ReadCoNLL(bufio.NewReader(f), tagCol)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// sortedFiles lists the regular files of dir with the given suffix, sorted.
func sortedFiles(dir, suffix string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), suffix) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(out)
	return out, nil
}

func readTextDir(dir string) ([][]string, error) {
	files, err := sortedFiles(dir, ".txt")
	if err != nil {
		return nil, err
	}
	var out [][]string
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out = appendLines(out, string(b))
	}
	return out, nil
}

func appendLines(out [][]string, text string) [][]string {
	for _, line := range strings.Split(text, "\n") {
		if t := tokenize(line); len(t) > 0 {
			out = append(out, t)
		}
	}
	return out
}

func readWCXB(dir string) ([][]string, error) {
	files, err := sortedFiles(dir, ".json")
	if err != nil {
		return nil, err
	}
	var out [][]string
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var page struct {
			GroundTruth struct {
				Title       string `json:"title"`
				MainContent string `json:"main_content"`
			} `json:"ground_truth"`
			Internal struct {
				PageType struct {
					Primary string `json:"primary"`
				} `json:"page_type"`
			} `json:"_internal"`
		}
		if err := json.Unmarshal(b, &page); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if page.Internal.PageType.Primary != "article" {
			continue // product pages and docs teach nothing about news
		}
		out = appendLines(out, page.GroundTruth.Title)
		out = appendLines(out, page.GroundTruth.MainContent)
	}
	return out, nil
}

func readHeadlines(path string) ([][]string, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out [][]string
	for i, rec := range recs {
		if i == 0 || len(rec) < 2 {
			continue
		}
		out = appendLines(out, rec[1])
	}
	return out, nil
}

// caseForms returns, for each lower-case word seen at least minCount
// times, its most frequent spelling, and the share of its occurrences
// that are all lower case.
func caseForms(sents [][]string, minCount int) (forms map[string]string, lowerShare map[string]float64) {
	counts := map[string]map[string]int{}
	for _, s := range sents {
		if capsSentence(s) {
			continue // casing there says little about the words
		}
		for i, w := range s {
			if i == 0 {
				continue // casing there says little about the word
			}
			lw := strings.ToLower(w)
			m := counts[lw]
			if m == nil {
				m = map[string]int{}
				counts[lw] = m
			}
			m[w]++
		}
	}
	forms = map[string]string{}
	lowerShare = map[string]float64{}
	for lw, m := range counts {
		total, best, bestN := 0, "", 0
		for w, n := range m {
			total += n
			if n > bestN || (n == bestN && w < best) {
				best, bestN = w, n
			}
		}
		if total < minCount {
			continue
		}
		forms[lw] = best
		lowerShare[lw] = float64(m[lw]) / float64(total)
	}
	return forms, lowerShare
}

// NewsText returns the tokens of the corpus's unlabeled news text that
// the quote evaluation does not read — GMB, PolNeAR's train split and
// the WCXB article pages — a line each, for learning word clusters.
// Missing sources add nothing.
func NewsText(root string) ([][]string, error) {
	out, err := readGMBTokens(root)
	if err != nil {
		return nil, fmt.Errorf("news text: %w", err)
	}
	s, err := readTextDir(filepath.Join(root, "quotes", "polnear", "train", "text"))
	if err != nil {
		return nil, fmt.Errorf("news text: %w", err)
	}
	out = append(out, s...)
	s, err = readWCXB(filepath.Join(root, "extract", "wcxb-dev", "ground-truth"))
	if err != nil {
		return nil, fmt.Errorf("news text: %w", err)
	}
	return append(out, s...), nil
}
