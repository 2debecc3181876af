package extract

import (
	"golang.org/x/net/html"

	"github.com/datelinehq/dateline"
)

func fillDates(a *dateline.Article, doc *html.Node, pageURL string) {}
