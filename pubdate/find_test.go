package pubdate

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func mustParse(t testing.TB, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("html.Parse: %v", err)
	}
	return doc
}

func TestFind(t *testing.T) {
	tests := []struct {
		name     string
		url      string
		page     string
		want     Dates
		wantFrom bool // compare PublishedFrom and ModifiedFrom too
	}{
		{
			name: "json-ld article",
			page: `<html><head><script type="application/ld+json">
				{"@context":"https://schema.org","@type":"NewsArticle","headline":"x",
				 "datePublished":"2025-08-16T05:12:00+05:30","dateModified":"2025-08-17T08:00:00+05:30",
				 "author":{"@type":"Person","birthDate":"1970-01-01"}}
				</script></head><body><h1>Title</h1><p>Body</p></body></html>`,
			want: Dates{Published: "2025-08-16T05:12:00+05:30", PublishedFrom: "json-ld",
				Modified: "2025-08-17T08:00:00+05:30", ModifiedFrom: "json-ld"},
			wantFrom: true,
		},
		{
			name: "json-ld graph prefers the article over the page",
			page: `<script type="application/ld+json">{"@graph":[
				{"@type":"WebSite","datePublished":"2010-01-01"},
				{"@type":"WebPage","datePublished":"2019-03-01"},
				{"@type":["BlogPosting"],"datePublished":"2019-03-02","comment":[{"@type":"Comment","dateCreated":"2019-04-01"}]}]}
				</script><h1>T</h1>`,
			want: Dates{Published: "2019-03-02", PublishedFrom: "json-ld"},
		},
		{
			name: "invalid json-ld is still read",
			page: `<script type="application/ld+json">{"@type":"Article", "datePublished": "2018-05-06",}</script>`,
			want: Dates{Published: "2018-05-06", PublishedFrom: "json-ld"},
		},
		{
			name: "open graph meta",
			page: `<head><meta property="article:published_time" content="2019-10-16T10:00:00+02:00">
				<meta property="article:modified_time" content="2019-10-18T09:00:00+02:00"></head>
				<body><h1>T</h1><p>Veröffentlicht am 16.10.2019</p></body>`,
			want: Dates{Published: "2019-10-16T10:00:00+02:00", PublishedFrom: "meta:article:published_time",
				Modified: "2019-10-18T09:00:00+02:00", ModifiedFrom: "meta:article:modified_time"},
			wantFrom: true,
		},
		{
			name: "microdata",
			page: `<article itemscope itemtype="https://schema.org/Article"><h1>T</h1>
				<span itemprop="datePublished" content="2020-02-03">3. Februar 2020</span></article>`,
			want: Dates{Published: "2020-02-03", PublishedFrom: "itemprop:datePublished"},
		},
		{
			name: "time element in the article, not in comments",
			page: `<body><article><header><h1>T</h1><time class="entry-date published" datetime="2016-12-23T10:00:00+01:00">23. Dezember 2016</time>
				<time class="updated" datetime="2016-12-24T09:00:00+01:00">24. Dezember 2016</time></header>
				<p>Text</p></article>
				<div id="comments"><ol class="comment-list"><li><time datetime="2017-01-05T10:00:00+01:00">5. Januar 2017</time></li></ol></div></body>`,
			want: Dates{Published: "2016-12-23T10:00:00+01:00", PublishedFrom: "time-element",
				Modified: "2016-12-24T09:00:00+01:00", ModifiedFrom: "time-element"},
			wantFrom: true,
		},
		{
			name: "german text with a cue",
			page: `<body><div class="content"><h1>Roomba</h1><p>Lorem ipsum.</p>
				<div class="post-footer">Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von Heiner geschrieben.</div></div>
				<div class="commentlist"><p>15. Dezember 2015 at 11:21</p></div></body>`,
			want: Dates{Published: "2015-12-14", PublishedFrom: "text"},
		},
		{
			name: "date in the url",
			url:  "https://blog.example.org/2016/12/python-360-is-now-available.html",
			page: `<body><h1>Python 3.6.0</h1><p>Released 12/23/2016.</p><div class="sidebar"><p>1.1.2017</p></div></body>`,
			want: Dates{Published: "2016-12-23", PublishedFrom: "text"},
		},
		{
			name: "full date in the url wins",
			url:  "https://news.example.com/2023/11/08/story/",
			page: `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-09T02:10:00+00:00"}</script><h1>T</h1>`,
			want: Dates{Published: "2023-11-08", PublishedFrom: "url"},
		},
		{
			name: "wayback capture date is not the page's",
			url:  "https://web.archive.org/web/20190717140047/http://www.example.de/paris-haute-couture",
			page: `<h1>Paris</h1><div class="date">27.01.2014</div>`,
			want: Dates{Published: "2014-01-27", PublishedFrom: "class"},
		},
		{
			name: "the shown modification date wins over hidden metadata",
			page: `<script type="application/ld+json">{"@type":"Article","datePublished":"2019-06-17","dateModified":"2020-06-04T16:41:46Z"}</script>
				<h1>Docker</h1><p class="updated-date">Last updated 04 Jun 2020</p>`,
			want: Dates{Published: "2020-06-04T16:41:46Z", PublishedFrom: "json-ld", Modified: "2020-06-04T16:41:46Z", ModifiedFrom: "json-ld"},
		},
		{
			name: "only a last-modified line",
			page: `<body><h1>Terms</h1><p>Some terms.</p><div id="footer">Diese Seite wurde zuletzt am 29. Januar 2020 um 19:52 Uhr bearbeitet.</div></body>`,
			want: Dates{Published: "2020-01-29", PublishedFrom: "text", Modified: "2020-01-29", ModifiedFrom: "text"},
		},
		{
			name: "us english reads month first",
			page: `<html lang="en-US"><body><h1>T</h1><span class="date">02/10/2020</span></body></html>`,
			want: Dates{Published: "2020-02-10", PublishedFrom: "class"},
		},
		{
			name: "british english reads day first",
			page: `<html lang="en-GB"><body><h1>T</h1><span class="date">02/10/2020</span></body></html>`,
			want: Dates{Published: "2020-10-02", PublishedFrom: "class"},
		},
		{
			name: "future and ancient dates are ignored",
			page: `<meta name="date" content="2999-01-01"><h1>T</h1><p>Seit 1.1.1980 und am 5.5.2015</p>`,
			want: Dates{Published: "2015-05-05", PublishedFrom: "text"},
		},
		{
			name: "nothing",
			page: `<html><body><h1>No dates here</h1><p>Version 1.2.3, 42 items.</p></body></html>`,
			want: Dates{},
		},
		{
			name: "empty",
			page: ``,
			want: Dates{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(mustParse(t, tt.page), tt.url)
			if !tt.wantFrom && tt.want.Modified == "" {
				got.Modified, got.ModifiedFrom = "", ""
			}
			if got.Published != tt.want.Published || got.Modified != tt.want.Modified ||
				(tt.wantFrom || tt.want.PublishedFrom != "") && got.PublishedFrom != tt.want.PublishedFrom ||
				tt.wantFrom && got.ModifiedFrom != tt.want.ModifiedFrom {
				t.Errorf("Find() = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestFindNil(t *testing.T) {
	if got := Find(nil, "https://example.com/2016/12/23/x"); got != (Dates{}) {
		t.Errorf("Find(nil) = %+v, want zero", got)
	}
}

// TestFindHostile checks that pathological pages finish quickly.
func TestFindHostile(t *testing.T) {
	pages := map[string]string{
		"wide nesting":   strings.Repeat(`<div class="date post-meta">`, 500) + "23.12.2016" + strings.Repeat("</div>", 500),
		"many dates":     "<h1>T</h1>" + strings.Repeat(`<span class="date">23.12.2016</span> <time datetime="2016-12-24">x</time> `, 20000),
		"dated siblings": "<div>" + strings.Repeat("<span>1.1.2016</span><br>", 50000) + "</div>",
		"huge text":      "<p>" + strings.Repeat("am 12.12.12 1. 2. 2016 Dezember ", 50000) + "</p>",
		"huge json-ld":   `<script type="application/ld+json">` + strings.Repeat(`{"@graph":[`, 5000) + `{"datePublished":"2016-12-23"}` + strings.Repeat("]}", 5000) + `</script>`,
		"garbage bytes":  string(bytes.Repeat([]byte{0xff, '<', 0xe4, '1', '.', 0xc3}, 100000)),
	}
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			doc := mustParse(t, page)
			start := time.Now()
			Find(doc, "")
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("Find took %v", d)
			}
		})
	}
}

// TestFindDeepTree builds a tree deeper than html.Parse allows (a caller
// may build its own): the walk must neither recurse nor go quadratic.
func TestFindDeepTree(t *testing.T) {
	doc := &html.Node{Type: html.DocumentNode}
	parent := doc
	for i := 0; i < 200000; i++ {
		n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: "entry-meta date"}}}
		parent.AppendChild(n)
		parent = n
	}
	parent.AppendChild(&html.Node{Type: html.TextNode, Data: "23.12.2016"})
	start := time.Now()
	got := Find(doc, "")
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Find took %v", d)
	}
	if got.Published != "2016-12-23" {
		t.Errorf("Find() = %+v, want 2016-12-23", got)
	}
}

func FuzzFind(f *testing.F) {
	f.Add([]byte(`<script type="application/ld+json">{"@type":"Article","datePublished":"2016-12-23"}</script>`), "")
	f.Add([]byte(`<article><h1>T</h1><time datetime="2016-12-23">x</time><div class="comments">1.1.2017</div></article>`), "https://x.org/2016/12/23/a")
	f.Add([]byte(`<meta name="date" content="1482451200"><p>Veröffentlicht am 23. Dezember 2016</p>`), "")
	f.Fuzz(func(t *testing.T, page []byte, url string) {
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			return
		}
		d := Find(doc, url)
		for _, s := range []string{d.Published, d.Modified} {
			if s == "" {
				continue
			}
			if _, ok := Parse(s); !ok {
				t.Errorf("Find gave %q, which Parse rejects", s)
			}
		}
		if (d.Published == "") != (d.PublishedFrom == "") || (d.Modified == "") != (d.ModifiedFrom == "") {
			t.Errorf("Find() = %+v: a date without provenance or the reverse", d)
		}
	})
}
