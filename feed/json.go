package feed

import (
	"encoding/json"
	"fmt"
	"strings"
)

// jsonFeed is the part of JSON Feed 1.0 and 1.1 (jsonfeed.org) that
// dateline reads. Fields whose type producers get wrong are raw.
type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url"`
	FeedURL     string     `json:"feed_url"`
	Items       []jsonItem `json:"items"`
}

type jsonItem struct {
	ID            json.RawMessage `json:"id"` // a string by the spec, a number in practice
	URL           string          `json:"url"`
	ExternalURL   string          `json:"external_url"`
	Title         string          `json:"title"`
	DatePublished string          `json:"date_published"`
	DateModified  string          `json:"date_modified"`
	Author        *jsonAuthor     `json:"author"`  // 1.0
	Authors       []jsonAuthor    `json:"authors"` // 1.1
}

type jsonAuthor struct {
	Name string `json:"name"`
}

// parseJSON reads a JSON Feed. An item without url falls back to
// external_url, then to an id that is a URL.
func parseJSON(data []byte, base string) (*Feed, error) {
	var jf jsonFeed
	if err := json.Unmarshal(data, &jf); err != nil {
		return nil, fmt.Errorf("%w: JSON: %v", ErrNotFeed, err)
	}
	if !strings.Contains(jf.Version, "jsonfeed.org") && jf.Items == nil {
		return nil, fmt.Errorf("%w: JSON without a JSON Feed version or items", ErrNotFeed)
	}
	f := &Feed{Kind: JSON, Title: cleanText(jf.Title), Link: resolve(base, jf.HomePageURL)}
	for _, ji := range jf.Items {
		it := Item{
			Title:     cleanText(ji.Title),
			ID:        rawString(ji.ID),
			Published: parseDate(ji.DatePublished),
			Updated:   parseDate(ji.DateModified),
		}
		for _, ref := range []string{ji.URL, ji.ExternalURL, it.ID} {
			if it.URL = resolve(base, ref); it.URL != "" {
				break
			}
		}
		if ji.Author != nil {
			it.Author = ji.Author.Name
		}
		if len(ji.Authors) > 0 {
			it.Author = ji.Authors[0].Name
		}
		if it.URL != "" {
			f.Items = append(f.Items, it)
		}
	}
	return f, nil
}

// rawString returns a JSON string's value, or a number's text.
func rawString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return strings.TrimSpace(string(raw))
}
