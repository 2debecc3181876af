package extract

import "github.com/datelinehq/dateline"

// HTML extracts an article from an HTML page.
func HTML(data []byte, opts Options) (*dateline.Article, error) {
	return nil, ErrNoContent
}

// Text extracts an article from a plain-text scrape.
func Text(data []byte, opts Options) (*dateline.Article, error) {
	return nil, ErrNoContent
}
