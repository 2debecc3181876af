package ingest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/datelinehq/dateline/crawl"
	"github.com/datelinehq/dateline/fetch"
	"github.com/datelinehq/dateline/ingest"
	"github.com/datelinehq/dateline/sqlite"
	"github.com/datelinehq/dateline/storetest"
)

// sourcesSite is a news site with every kind of source: a home page that
// announces an RSS feed, a Google News sitemap behind a sitemap index, a
// section front announcing a JSON Feed, an Atom feed for an OPML list,
// and a robots.txt that keeps /private/ out. It counts requests by path.
type sourcesSite struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newSourcesSite(t *testing.T) *sourcesSite {
	t.Helper()
	s := &sourcesSite{hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><title>Wire</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><p>Welcome</p></body></html>`)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>`)
		for _, n := range []string{"r1", "r2", "r3"} {
			fmt.Fprintf(w, "<item><title>%s</title><link>/story/%s</link></item>", n, n)
		}
		fmt.Fprint(w, "<item><link>/private/secret</link></item></channel></rss>")
	})
	mux.HandleFunc("/sitemap_index.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/news-sitemap.xml</loc></sitemap></sitemapindex>`)
	})
	mux.HandleFunc("/news-sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`)
		for _, n := range []string{"r1", "n1", "n2"} { // r1 is in the feed too
			fmt.Fprintf(w, "<url><loc>/story/%s</loc><news:news><news:title>%s</news:title><news:publication_date>2025-06-02T10:00:00Z</news:publication_date></news:news></url>", n, n)
		}
		fmt.Fprint(w, "</urlset>")
	})
	mux.HandleFunc("/world/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><title>World</title><link rel="alternate" type="application/feed+json" href="/world.json"></head><body><ul><li><a href="/story/j1">One</a></li><li><a href="/story/j2">Two</a></li></ul></body></html>`)
	})
	mux.HandleFunc("/world.json", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"version":"https://jsonfeed.org/version/1.1","title":"World","items":[{"id":"1","url":"/story/j1"},{"id":"2","url":"/story/j2"}]}`)
	})
	mux.HandleFunc("/atom.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><entry><title>a1</title><link href="/story/a1"/><id>a1</id></entry></feed>`)
	})
	mux.HandleFunc("/story/{n}", func(w http.ResponseWriter, r *http.Request) {
		n := r.PathValue("n")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		// Article pages announce the site's feed too: that does not make
		// them sources.
		fmt.Fprintf(w, `<html><head><title>Story %s</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><article><h1>Story %s</h1><p>%s</p><p>%s</p></article></body></html>`,
			n, n, storetest.Text("topic"+n, len(n)+3), storetest.Text("more"+n, len(n)+5))
	})
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "secret") })
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *sourcesSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// TestSources ingests a home page, a sitemap index, a section front, an
// article URL, a missing URL, a local OPML list and a local RSS file: every
// article they list is stored once, each fetched once, each source fetched
// once, and what could not be had is counted as failed.
func TestSources(t *testing.T) {
	site := newSourcesSite(t)
	dir := t.TempDir()
	opml := filepath.Join(dir, "subs.opml")
	os.WriteFile(opml, []byte(`<?xml version="1.0"?><opml version="2.0"><body><outline text="Atom" xmlUrl="`+site.URL+`/atom.xml"/></body></opml>`), 0o644)
	rss := filepath.Join(dir, "saved.rss")
	os.WriteFile(rss, []byte(`<rss version="2.0"><channel><item><link>`+site.URL+`/story/f1</link></item><item><link>`+site.URL+`/story/r2</link></item></channel></rss>`), 0o644)
	html := filepath.Join(dir, "local.html")
	os.WriteFile(html, []byte(`<html><body><article><h1>Local</h1><p>`+storetest.Text("local", 9)+`</p></article></body></html>`), 0o644)

	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sources.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fetcher := fetch.New(fetch.Options{AllowPrivate: true, HostRate: 200, HostConcurrency: 2, Retries: -1})
	src := &ingest.Sources{Fetcher: fetcher, Crawl: crawl.Options{HostWorkers: 2}}
	p := ingest.New(ingest.Options{Store: s, Workers: 2, Walk: src.Walk})
	args := []string{site.URL + "/", site.URL + "/sitemap_index.xml", site.URL + "/world/", site.URL + "/story/solo",
		site.URL + "/missing", opml, rss, html}
	st, err := p.Run(context.Background(), args)
	if err != nil {
		t.Fatal(err)
	}
	// Articles: r1 r2 r3 (feed), n1 n2 (sitemap), j1 j2 (section), solo,
	// a1 (OPML), f1 (local RSS), the local file. Failures: /missing and
	// the disallowed /private/secret.
	if st.Added != 11 || st.Failed != 2 || st.Read != 13 {
		t.Errorf("got %+v, want 11 added, 2 failed, 13 read", st)
	}
	for _, path := range []string{"/", "/feed.xml", "/sitemap_index.xml", "/news-sitemap.xml", "/world/", "/world.json", "/atom.xml", "/robots.txt"} {
		if n := site.count(path); n != 1 {
			t.Errorf("%s fetched %d times, want 1", path, n)
		}
	}
	for _, n := range []string{"r1", "r2", "r3", "n1", "n2", "j1", "j2", "solo", "a1", "f1"} {
		if c := site.count("/story/" + n); c != 1 {
			t.Errorf("/story/%s fetched %d times, want 1", n, c)
		}
	}
	if n := site.count("/private/secret"); n != 0 {
		t.Errorf("disallowed page fetched %d times", n)
	}
	stats, _ := s.Stats(context.Background())
	if stats.Articles != 11 {
		t.Errorf("store holds %+v, want 11 articles", stats)
	}
}

// TestSourcesPolite: articles from a feed are fetched no faster than the
// host's rate allows.
func TestSourcesPolite(t *testing.T) {
	var mu sync.Mutex
	var arrived []time.Time
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel>`)
		for i := range 12 {
			fmt.Fprintf(w, "<item><link>/story/%d</link></item>", i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/story/{n}", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrived = append(arrived, time.Now())
		mu.Unlock()
		fmt.Fprintf(w, "<html><body><article><h1>%s</h1><p>%s</p></article></body></html>", r.PathValue("n"), storetest.Text("polite"+r.PathValue("n"), 4))
	})
	site := httptest.NewServer(mux)
	defer site.Close()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "polite.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const rate = 20
	fetcher := fetch.New(fetch.Options{AllowPrivate: true, HostRate: rate, IgnoreRobots: true})
	p := ingest.New(ingest.Options{Store: s, Walk: (&ingest.Sources{Fetcher: fetcher}).Walk})
	if _, err := p.Run(context.Background(), []string{site.URL + "/feed.xml"}); err != nil {
		t.Fatal(err)
	}
	if len(arrived) != 12 {
		t.Fatalf("%d articles fetched, want 12", len(arrived))
	}
	// A rate limit bounds how many requests fit in any stretch of time,
	// not each gap: one request delayed on its way lets the next arrive
	// close behind it. The k-th request after the first may arrive no
	// sooner than k intervals after it.
	for i := 1; i < len(arrived); i++ {
		if since := arrived[i].Sub(arrived[0]); since < time.Duration(i)*time.Second/rate-5*time.Millisecond {
			t.Errorf("request %d arrived %v after the first, want at least %v", i, since, time.Duration(i)*time.Second/rate)
		}
	}
}

// TestSourcesLocalHead: a local file is read as a list only when its
// head says it is one; an HTML page announcing a feed and a text file of
// URLs are pages, and nothing is fetched.
func TestSourcesLocalHead(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"page.html": `<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head></html>`,
		"notes.txt": "https://a.example/1\nhttps://a.example/2\n",
	} {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "head.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fetcher := fetch.New(fetch.Options{})
	p := ingest.New(ingest.Options{Store: s, Walk: (&ingest.Sources{Fetcher: fetcher}).Walk})
	st, err := p.Run(context.Background(), []string{filepath.Join(dir, "page.html"), filepath.Join(dir, "notes.txt")})
	if err != nil {
		t.Fatal(err)
	}
	if st.Read != 2 {
		t.Errorf("got %+v, want both files read as pages", st)
	}
}
