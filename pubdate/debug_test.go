package pubdate

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/datelinehq/dateline/internal/corpus"
)

// TestDebugPage logs every candidate date of the corpus pages named in
// PUBDATE_PAGES (comma-separated file names), for tuning.
func TestDebugPage(t *testing.T) {
	names := os.Getenv("PUBDATE_PAGES")
	if names == "" {
		t.Skip("set PUBDATE_PAGES to corpus file names")
	}
	dir := corpus.Dir(t, "dates")
	for _, name := range strings.Split(names, ",") {
		raw, err := readGzip(filepath.Join(dir, "html", name))
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := html.Parse(bytes.NewReader(raw))
		t.Logf("== %s", name)
		logCands(t, doc, "")
	}
}

// logCands logs the candidates of one page, marking those on the day want.
func logCands(t *testing.T, doc *html.Node, want string) {
	t.Helper()
	c := collector{dayFirst: true}
	c.walk(doc)
	c.textPass()
	c.demoteListings()
	c.nearTitle()
	t.Logf("   lang=%q h1=%d", c.lang, c.h1Order)
	texts := 0
	for _, k := range c.cands {
		if k.from == "text" {
			texts++
			if texts > 12 && k.st.day() != want {
				continue
			}
		}
		mark := " "
		if k.st.day() == want {
			mark = "*"
		}
		t.Logf("  %s %s %-28s trust=%d mod=%v ctx=%05b order=%d", mark, k.st, k.from, k.trust, k.mod, k.ctx, k.order)
	}
}

// TestDebugAncestors logs the ancestor chain (tag.class#id) of the text
// nodes containing PUBDATE_NEEDLE in the pages named in PUBDATE_PAGES.
func TestDebugAncestors(t *testing.T) {
	names, needle := os.Getenv("PUBDATE_PAGES"), os.Getenv("PUBDATE_NEEDLE")
	if names == "" || needle == "" {
		t.Skip("set PUBDATE_PAGES and PUBDATE_NEEDLE")
	}
	dir := corpus.Dir(t, "dates")
	for _, name := range strings.Split(names, ",") {
		raw, err := readGzip(filepath.Join(dir, "html", name))
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := html.Parse(bytes.NewReader(raw))
		var visit func(n *html.Node)
		visit = func(n *html.Node) {
			if n.Type == html.TextNode && strings.Contains(n.Data, needle) {
				var chain []string
				for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
					chain = append(chain, p.Data+"."+attr(p, "class")+"#"+attr(p, "id"))
				}
				t.Logf("%s: %q\n    %s", name, strings.TrimSpace(n.Data), strings.Join(chain, "\n    "))
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				visit(c)
			}
		}
		visit(doc)
	}
}
