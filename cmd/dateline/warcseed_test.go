package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/internal/corpus"
	"github.com/datelinehq/dateline/warc"
)

// TestWARCSeedSameArticle archives the seed page as a gzipped WARC
// response record and checks that extracting it from the archive gives
// the same article as extracting the HTML file.
func TestWARCSeedSameArticle(t *testing.T) {
	seed, archive := seedWARC(t)
	extractOne := func(arg string) map[string]any {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := run(context.Background(), env{strings.NewReader(""), &out, &errOut}, []string{"extract", "--jsonl", arg}); code != 0 {
			t.Fatalf("extract %s: exit %d: %s", arg, code, errOut.String())
		}
		var a map[string]any
		if err := json.Unmarshal(out.Bytes(), &a); err != nil {
			t.Fatalf("extract %s: %v", arg, err)
		}
		return a
	}
	fromFile, fromWARC := extractOne(seed), extractOne(archive)
	if fromWARC["url"] != seedURL || !strings.HasPrefix(fromWARC["source"].(string), archive+"#") {
		t.Errorf("WARC article url %v source %v", fromWARC["url"], fromWARC["source"])
	}
	for _, k := range []string{"title", "subtitle", "byline", "authors", "dateline", "published", "paragraphs", "canonical_url", "site_name"} {
		a, _ := json.Marshal(fromFile[k])
		b, _ := json.Marshal(fromWARC[k])
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs: file %s, WARC %s", k, a, b)
		}
	}
}

// seedURL is the address the seed page is archived under.
const seedURL = "https://tis.example/world/trump-putin-begin-historic-alaska-summit"

// seedWARC archives the seed page as a gzipped WARC response record and
// returns the page's path and the archive's.
func seedWARC(t *testing.T) (seed, archive string) {
	t.Helper()
	seed = filepath.Join(corpus.Dir(t, "seed"), "alaska-summit.html")
	page, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := warc.NewWriter(&buf, true)
	payload := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + string(page)
	rec := &warc.Record{Type: warc.TypeResponse, TargetURI: seedURL, Body: strings.NewReader(payload)}
	rec.Header.Set("Content-Type", "application/http; msgtype=response")
	if err := w.WriteRecord(rec); err != nil {
		t.Fatal(err)
	}
	archive = filepath.Join(t.TempDir(), "seed.warc.gz")
	if err := os.WriteFile(archive, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return seed, archive
}
