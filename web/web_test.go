package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/sqlite"
	"github.com/datelinehq/dateline/storetest"
	"github.com/datelinehq/dateline/web"
)

// hostile is an article whose every field tries to run script in the
// reader's browser. The UI must show it as text.
func hostile() *dateline.Document {
	title := `<script>window.__xss=1</script>Evil headline <img src=x onerror="window.__xss=2">`
	text := `Body with <img src=x onerror="window.__xss=3"> and <script>window.__xss=4</script> markup. ` + storetest.Text("hostile", 5)
	d := storetest.Doc("https://evil.example/a?<script>", title, text)
	d.Byline = `<b onmouseover="window.__xss=5">Mallory</b>`
	d.URL = `javascript:window.__xss=6`
	d.Entities = []dateline.Entity{{ID: "e1", Name: `<svg onload="window.__xss=7">`, Type: "PERSON",
		Mentions: []dateline.Span{{Text: "<img", Start: 10, End: 14}}}}
	d.Quotes = []dateline.Quote{{Text: `"><script>window.__xss=8</script>`, Speaker: "e1", Start: 0, End: 4}}
	return d
}

func newServer(t *testing.T) (*httptest.Server, *sqlite.Store) {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ui, err := web.New(web.Options{Store: s})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ui)
	t.Cleanup(srv.Close)
	return srv, s
}

func fetch(t *testing.T, url string, status int) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		t.Fatalf("GET %s: %d, want %d", url, resp.StatusCode, status)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("GET %s: CSP %q", url, csp)
	}
	return string(b)
}

func TestHostileArticleIsEscaped(t *testing.T) {
	srv, s := newServer(t)
	res, err := s.Put(context.Background(), hostile())
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(context.Background(), res.ID)
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{"/?q=evil", "/articles/" + itoa(res.ID), "/quotes", "/entities", "/entities/" + itoa(a.EntityIDs["e1"])}
	for _, p := range pages {
		body := fetch(t, srv.URL+p, 200)
		for _, bad := range []string{"<script>window", "<img src=x", "<svg onload", "<b onmouseover", `href="javascript:`} {
			if strings.Contains(body, bad) {
				t.Errorf("%s contains unescaped %q", p, bad)
			}
		}
		if !strings.Contains(body, "&lt;") {
			t.Errorf("%s shows no escaped markup", p)
		}
	}
}

func TestPages(t *testing.T) {
	srv, s := newServer(t)
	d := storetest.Doc("https://news.example/a", "Harbour reopens", storetest.Text("harbour", 1))
	res, err := s.Put(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	d2 := storetest.Doc("https://news.example/a", "Harbour reopens after repairs", storetest.Text("harbour", 1))
	if _, err := s.Put(context.Background(), d2); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path   string
		status int
		want   string
	}{
		{"/", 200, "Harbour reopens after repairs"},
		{"/?q=harbour", 200, "1 article found"},
		{"/?q=nothing-matches-this", 200, "No articles match"},
		{"/?from=soon", 400, "YYYY-MM-DD"},
		{"/articles/" + itoa(res.ID), 200, "Version 2 of 2"},
		{"/articles/" + itoa(res.ID) + "/versions", 200, "Harbour reopens after repairs"},
		{"/articles/999", 404, "There is nothing here"},
		{"/articles/x", 400, "positive number"},
		{"/entities", 200, "No entities"},
		{"/quotes?speaker=nobody", 200, "No quotes found"},
		{"/nowhere", 404, "There is nothing here"},
		{"/static/dateline.css", 200, "--accent"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if body := fetch(t, srv.URL+tt.path, tt.status); !strings.Contains(body, tt.want) {
				t.Errorf("GET %s lacks %q", tt.path, tt.want)
			}
		})
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
