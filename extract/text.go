package extract

import (
	"github.com/datelinehq/dateline"
)

// Text extracts an article from a plain-text scrape.
func Text(data []byte, opts Options) (*dateline.Article, error) {
	return nil, ErrNoContent
}
