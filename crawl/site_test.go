package crawl

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// newsSite is an httptest server that plays a news site: a home page
// announcing an RSS feed of 50 articles, a sitemap index of two Google
// News sitemaps, and a robots.txt that disallows /private/.
type newsSite struct {
	*httptest.Server
	mu       sync.Mutex
	requests []*http.Request
}

const siteArticles = 50

func newNewsSite(t *testing.T) *newsSite {
	t.Helper()
	s := &newsSite{}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>home</body></html>`)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		const etag = `"feed-v1"`
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title>`)
		base := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
		for i := range siteArticles {
			fmt.Fprintf(&b, "<item><title>Story %d</title><link>/news/%d?utm_source=rss</link><pubDate>%s</pubDate></item>",
				i, i, base.Add(time.Duration(i)*time.Hour).Format(time.RFC1123Z))
		}
		b.WriteString(`<item><title>Hidden</title><link>/private/secret</link></item></channel></rss>`)
		fmt.Fprint(w, b.String())
	})
	mux.HandleFunc("/sitemap_index.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>/sitemap-a.xml</loc></sitemap><sitemap><loc>/sitemap-b.xml</loc></sitemap></sitemapindex>`)
	})
	for _, part := range []string{"a", "b"} {
		mux.HandleFunc("/sitemap-"+part+".xml", func(w http.ResponseWriter, r *http.Request) {
			// Each sitemap repeats a feed article (under another address) and adds two of its own.
			fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>%[1]s/news/1#comments</loc></url>
<url><loc>%[1]s/news/%[2]s1</loc><news:news><news:title>Sitemap %[2]s1</news:title><news:publication_date>2025-06-03T00:00:00Z</news:publication_date></news:news></url>
<url><loc>%[1]s/news/%[2]s2</loc></url>
</urlset>`, s.URL, part)
		})
	}
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>%s</title></head><body><p>Article %s</p></body></html>", r.URL.Path, r.URL.Path)
	})
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "secret") })
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests = append(s.requests, r.Clone(r.Context()))
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// count returns how many requests had a path starting with prefix.
func (s *newsSite) count(prefix string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.requests {
		if strings.HasPrefix(r.URL.Path, prefix) {
			n++
		}
	}
	return n
}

// last returns the last request for path.
func (s *newsSite) last(path string) *http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.requests) - 1; i >= 0; i-- {
		if s.requests[i].URL.Path == path {
			return s.requests[i]
		}
	}
	return nil
}
