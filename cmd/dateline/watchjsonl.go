package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/crawl"
	"github.com/datelinehq/dateline/extract"
)

// crawledArticle extracts a fetched page. Its source is the page's crawl
// URL, and the feed fills in what the page does not say: its address and
// publication time.
func crawledArticle(p crawl.Page) (*dateline.Article, error) {
	a, err := extract.Page(p.Body, extract.Options{URL: p.URL, ContentType: p.ContentType})
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", p.URL, err)
	}
	a.Source = p.Item.URL
	if a.URL == "" {
		a.URL = p.URL
	}
	if a.Published == "" && !p.Item.Published.IsZero() {
		a.Published = p.Item.Published.UTC().Format(time.RFC3339)
	}
	return a, nil
}

// articleSink extracts each page and writes it as one JSON line.
type articleSink struct {
	mu sync.Mutex
	w  io.Writer
}

// handle extracts a page and writes the article in one write, so that a
// process killed at any moment leaves whole lines and at most one torn
// last line. The article's source is the page's crawl URL: openOutput
// reads it back to know what was written.
func (s *articleSink) handle(_ context.Context, p crawl.Page) error {
	a, err := crawledArticle(p)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		return fmt.Errorf("encode %s: %w", p.URL, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write article: %w", err)
	}
	return nil
}

// openOutput opens the output file for appending after making it agree
// with the state: a torn last line (the process was killed while writing
// it) is cut off, and every article in the file is marked done, since the
// process may have died between writing an article and recording it.
// Together these make the output exactly-once across kills.
func openOutput(ctx context.Context, path string, st crawl.State) (*os.File, error) {
	file, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open output: %w", err)
	}
	good, err := reconcile(ctx, file, st)
	if err == nil {
		err = file.Truncate(good)
	}
	if err == nil {
		_, err = file.Seek(good, io.SeekStart)
	}
	if err != nil {
		file.Close()
		return nil, fmt.Errorf("open output %s: %w", path, err)
	}
	return file, nil
}

// reconcile marks done the source of every complete line of r and returns
// the length of those lines.
func reconcile(ctx context.Context, r io.Reader, st crawl.State) (int64, error) {
	br := bufio.NewReader(r)
	var good int64
	for {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			return good, nil // a last line without its newline is torn
		}
		if err != nil {
			return 0, err
		}
		var a struct {
			Source string `json:"source"`
		}
		if json.Unmarshal(line, &a) == nil && a.Source != "" {
			if err := st.Done(ctx, a.Source); err != nil {
				return 0, err
			}
		}
		good += int64(len(line))
	}
}
