package web

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"github.com/datelinehq/dateline"
)

// funcs are the helpers templates may call. None of them returns trusted
// HTML: article text always goes through the template's escaping.
var funcs = template.FuncMap{
	"title":   displayTitle,
	"day":     displayDay,
	"when":    func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") },
	"plural":  plural,
	"typeTag": func(t string) string { return strings.ToLower(t) },
	"add":     func(a, b int) int { return a + b },
	"link":    link,
	"article": articleLink,
	"entity":  entityLink,
}

// displayTitle gives untitled articles (plain-text inputs often are) a
// title from their first words.
func displayTitle(title, text string) string {
	if strings.TrimSpace(title) != "" {
		return title
	}
	words := strings.Fields(text)
	if len(words) == 0 {
		return "(untitled)"
	}
	if len(words) > 12 {
		return strings.Join(words[:12], " ") + "…"
	}
	return strings.Join(words, " ")
}

func displayDay(d string) string {
	if d == "" {
		return "undated"
	}
	if len(d) >= 10 {
		return d[:10]
	}
	return d
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// link builds a same-site URL from a path and parameters, leaving out
// empty ones. It is typed template.URL because it always starts with "/"
// and its parts are escaped here.
func link(path string, params ...string) template.URL {
	v := url.Values{}
	for i := 0; i+1 < len(params); i += 2 {
		if params[i+1] != "" {
			v.Set(params[i], params[i+1])
		}
	}
	u := url.URL{Path: path, RawQuery: v.Encode()}
	return template.URL(u.String())
}

func articleLink(id int64) template.URL { return link(fmt.Sprintf("/articles/%d", id)) }
func entityLink(id int64) template.URL  { return link(fmt.Sprintf("/entities/%d", id)) }

// Bar is one bar of a histogram drawn as SVG: Height is in percent of the
// chart, so no style attribute (refused by the CSP) is needed.
type Bar struct {
	Label string
	Count int
	X     float64
	Width float64
	Y     float64
	H     float64
	Link  template.URL
}

// bars lays counts out as a histogram 100 units wide and 40 high.
func bars(counts []dateline.Count, link func(dateline.Count) template.URL) []Bar {
	if len(counts) == 0 {
		return nil
	}
	top := 1
	for _, c := range counts {
		top = max(top, c.Count)
	}
	w := 100.0 / float64(len(counts))
	out := make([]Bar, len(counts))
	for i, c := range counts {
		h := 40 * float64(c.Count) / float64(top)
		out[i] = Bar{Label: c.Value, Count: c.Count, X: float64(i) * w, Width: min(w*0.85, 8), Y: 40 - h, H: h}
		if link != nil {
			out[i].Link = link(c)
		}
	}
	return out
}
