package extract

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzPage feeds arbitrary bytes to the extractor: it must never panic,
// and what it returns must be valid UTF-8 with the text equal to the
// joined paragraphs.
func FuzzPage(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.html")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("Follow Us:\n\nTitle\n\nBy Jane Doe | Paris |\n\nBody text here."))
	f.Add([]byte("<html><body><article><p>a</p></article></body></html>"))
	f.Add([]byte("\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00"))
	f.Add([]byte(`<script type="application/ld+json">{"@type":"NewsArticle","author":[[[{"name":1}]]]}</script><p>x</p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Page(data, Options{URL: "https://example.com/a"})
		if err != nil {
			return
		}
		for _, s := range append([]string{a.Title, a.Subtitle, a.Byline, a.Text, a.Dateline}, a.Authors...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in output: %q", s)
			}
		}
		if len(a.Paragraphs) == 0 {
			t.Fatal("article without paragraphs returned without error")
		}
	})
}
