// Package bench sets dateline beside its peers, go-trafilatura and readeck's
// go-readability, as eval.Extractors, so that the eval package scores them
// all with the same code on the same pages. It lives in its own module so
// that the peers never enter dateline's product binary.
package bench

import (
	"bytes"
	"fmt"
	"io"
	nurl "net/url"
	"os/exec"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/datelinehq/dateline/eval"
	"github.com/datelinehq/dateline/extract"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// PeersNote says how the peers are fed, for the output.
const PeersNote = "dateline gets each page's raw bytes and decodes them itself (timed); the peers get pages decoded to UTF-8 " +
	"beforehand with golang.org/x/net/html/charset (untimed) and parse them with golang.org/x/net/html (timed), " +
	"then go-trafilatura runs ExtractDocument with default options and readability Parser.ParseAndMutate with NewParser()"

// Extractors returns dateline, go-trafilatura and go-readability in that order.
func Extractors() []eval.Extractor {
	return []eval.Extractor{Dateline(), Trafilatura(false), Trafilatura(true), Readability()}
}

// Dateline is dateline's extractor on raw page bytes.
func Dateline() eval.Extractor {
	return eval.Extractor{Name: "dateline", Extract: func(page []byte, url string) (eval.Result, error) {
		a, err := extract.Page(page, extract.Options{URL: url})
		if err != nil {
			return eval.Result{}, err
		}
		return eval.FromArticle(a), nil
	}}
}

// Trafilatura is go-trafilatura with its default options, including its
// own metadata and (htmldate) date extraction. With fallback it also runs
// its readability and DOM-distiller fallbacks and keeps the best result:
// trafilatura's most accurate mode, and the one whose speed the project's
// issue quotes (16–22 pages/s on one core).
func Trafilatura(fallback bool) eval.Extractor {
	name := "trafilatura"
	if fallback {
		name = "traf+fallback"
	}
	return eval.Extractor{Name: name, Prepare: ToUTF8, Extract: func(page []byte, url string) (res eval.Result, err error) {
		defer recoverInto(&err)
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			return res, err
		}
		r, err := trafilatura.ExtractDocument(doc, trafilatura.Options{OriginalURL: parseURL(url), EnableFallback: fallback})
		if err != nil {
			return res, err
		}
		res = eval.Result{Title: r.Metadata.Title, Author: r.Metadata.Author, Text: r.ContentText}
		if !r.Metadata.Date.IsZero() {
			res.Date = r.Metadata.Date.Format("2006-01-02")
		}
		return res, nil
	}}
}

// Readability is readeck's go-readability (Readability.js ported) with
// the default parser; its date is the page's published-time metadata.
func Readability() eval.Extractor {
	return eval.Extractor{Name: "readability", Prepare: ToUTF8, Extract: func(page []byte, url string) (res eval.Result, err error) {
		defer recoverInto(&err)
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			return res, err
		}
		p := readability.NewParser()
		a, err := p.ParseAndMutate(doc, parseURL(url))
		if err != nil {
			return res, err
		}
		res = eval.Result{Title: a.Title(), Author: a.Byline()}
		if a.Node != nil {
			var b strings.Builder
			if err := a.RenderText(&b); err != nil {
				return res, err
			}
			res.Text = b.String()
		}
		if t, err := a.PublishedTime(); err == nil {
			res.Date = t.Format("2006-01-02")
		}
		return res, nil
	}}
}

// ToUTF8 decodes a page to UTF-8 the way an HTML5 browser picks the
// charset (byte-order mark, <meta> prescan, else a guess). A page that
// fails to decode is returned as is.
func ToUTF8(page []byte) []byte {
	r, err := charset.NewReader(bytes.NewReader(page), "")
	if err != nil {
		return page
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return page
	}
	return out
}

func parseURL(s string) *nurl.URL {
	u, err := nurl.ParseRequestURI(s)
	if err != nil {
		return nil
	}
	return u
}

// recoverInto turns a peer's panic into an error, so one bad page counts
// as a failure instead of ending the comparison.
func recoverInto(err *error) {
	if v := recover(); v != nil {
		*err = fmt.Errorf("panic: %v", v)
	}
}

// TrafilaturaDir returns the go-trafilatura module directory in the module
// cache, where its evaluation set lives, downloading the module if needed.
// It runs the go command, so call it from within the bench module.
func TrafilaturaDir() (string, error) {
	const mod = "github.com/markusmobius/go-trafilatura"
	for range 2 {
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", mod).Output()
		if err != nil {
			return "", fmt.Errorf("locate %s: go list: %w", mod, err)
		}
		if dir := strings.TrimSpace(string(out)); dir != "" {
			return dir, nil
		}
		if err := exec.Command("go", "mod", "download", mod).Run(); err != nil {
			return "", fmt.Errorf("locate %s: go mod download: %w", mod, err)
		}
	}
	return "", fmt.Errorf("locate %s: not in the module cache after download", mod)
}
