package feed

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// fuzzBudget is the time one input may take. Inputs are capped by the
// fetcher; this catches quadratic behaviour, not slow machines.
const fuzzBudget = 2 * time.Second

// fuzzParse runs Parse on every input, seeded with the testdata files
// given, and fails on a panic (by the fuzzer), on an item that is not an
// absolute http(s) URL, or on an input that takes too long.
func fuzzParse(f *testing.F, seeds ...string) {
	for _, name := range seeds {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		fd, err := Parse(data, "https://base.example/dir/")
		if d := time.Since(start); d > fuzzBudget {
			t.Fatalf("Parse took %v on %d bytes", d, len(data))
		}
		if err != nil {
			return
		}
		for _, it := range append(fd.Items, fd.Feeds...) {
			if resolve("", it.URL) != it.URL {
				t.Fatalf("item URL %q is not absolute http(s)", it.URL)
			}
		}
	})
}

func FuzzRSS(f *testing.F)     { fuzzParse(f, "rss2.xml", "rdf.xml", "latin1.xml", "broken.xml") }
func FuzzAtom(f *testing.F)    { fuzzParse(f, "atom.xml") }
func FuzzJSON(f *testing.F)    { fuzzParse(f, "feed.json") }
func FuzzSitemap(f *testing.F) { fuzzParse(f, "news-sitemap.xml", "sitemapindex.xml", "sitemap.txt") }
func FuzzOPML(f *testing.F)    { fuzzParse(f, "subs.opml") }

func FuzzDiscover(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "home.html"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Fuzz(func(t *testing.T, page []byte) {
		start := time.Now()
		for _, it := range Discover(page, "https://base.example/") {
			if resolve("", it.URL) != it.URL {
				t.Fatalf("link %q is not absolute http(s)", it.URL)
			}
		}
		if d := time.Since(start); d > fuzzBudget {
			t.Fatalf("Discover took %v on %d bytes", d, len(page))
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"Mon, 02 Jan 2006 15:04:05 -0700", "2006-01-02T15:04:05Z", "Tuesday, 3 June 2025 EDT"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { parseDate(s) })
}
