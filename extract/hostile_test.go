package extract

import (
	"strings"
	"testing"
	"time"
)

// TestHostileInputs runs pathological pages (deep nesting, huge flat
// lists, one endless line) through the extractor: each must finish (the
// test binary's deadline catches a hang) without panicking.
func TestHostileInputs(t *testing.T) {
	cases := map[string]string{
		"siblings-by": "<html><body><h1>Title of the page here</h1>" + strings.Repeat("<p>By someone</p>", 100000) + "</body></html>",
		"deep-div":    "<html><body>" + strings.Repeat("<div class='byline'>text ", 500) + "</body></html>",
		"deep-div-p":  "<html><body><h1>Headline of it</h1>" + strings.Repeat("<div>By some text here, and more, ", 500) + "</body></html>",
		"many-p":      "<html><body><article>" + strings.Repeat("<p>Some words, here, and there, forming a sentence.</p>", 100000) + "</article></body></html>",
		"table":       "<html><body>" + strings.Repeat("<table><tr><td>cell text, with comma", 400) + "</body></html>",
		"text-lines":  strings.Repeat("By Jane Doe | Paris | 12 May 2020\n", 200000),
		"one-line":    strings.Repeat("word ", 3000000),
		"commas":      "<p>" + strings.Repeat(",", 10000000),
		"spans":       "<html><body><h1>x y z w</h1>" + strings.Repeat("<span class='author'>", 500) + strings.Repeat("a ", 100000),
		"ld":          `<script type="application/ld+json">` + strings.Repeat("[", 100000) + `</script><p>hello world this is text</p>`,
	}
	for name, page := range cases {
		start := time.Now()
		_, err := Page([]byte(page), Options{})
		t.Logf("%-12s %6d KB %v err=%v", name, len(page)/1024, time.Since(start), err)
	}
}
