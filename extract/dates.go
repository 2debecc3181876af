package extract

import (
	"golang.org/x/net/html"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/pubdate"
)

// fillDates sets the publication and modification dates.
func fillDates(a *dateline.Article, doc *html.Node, pageURL string) {
	d := pubdate.Find(doc, pageURL)
	if d.Published != "" {
		a.Published, a.Provenance["published"] = d.Published, d.PublishedFrom
	}
	if d.Modified != "" {
		a.Modified, a.Provenance["modified"] = d.Modified, d.ModifiedFrom
	}
}
