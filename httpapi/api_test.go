package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/httpapi"
	"github.com/datelinehq/dateline/ingest"
	"github.com/datelinehq/dateline/input"
	"github.com/datelinehq/dateline/internal/corpus"
	"github.com/datelinehq/dateline/sqlite"
	"github.com/datelinehq/dateline/storetest"
)

const token = "test-token"

type fixture struct {
	srv   *httptest.Server
	store *sqlite.Store
	pipe  *ingest.Pipeline
}

func newFixture(t *testing.T, analyze ingest.Analyzer, opts httpapi.Options) *fixture {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	p := ingest.New(ingest.Options{Store: s, Analyze: analyze})
	opts.Store = s
	if opts.Ingest == nil {
		opts.Ingest = func(ctx context.Context, source, u, ct string, body []byte) (dateline.PutResult, error) {
			return p.Page(ctx, input.Item{Source: source, URL: u, ContentType: ct, Body: body})
		}
	}
	srv := httptest.NewServer(httpapi.New(opts))
	t.Cleanup(srv.Close)
	return &fixture{srv: srv, store: s, pipe: p}
}

// get fetches path and decodes JSON into v, checking the status.
func (f *fixture) get(t *testing.T, path string, status int, v any) {
	t.Helper()
	resp, err := http.Get(f.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		t.Fatalf("GET %s: status %d, want %d: %s", path, resp.StatusCode, status, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: Content-Type %q, want JSON", path, ct)
	}
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v in %s", path, err, body)
		}
	}
}

// TestSeedThroughAPI ingests the seed and the PolNeAR training texts with
// the seed's gold reading standing in for analysis, and walks the API the
// way the definition of done does.
func TestSeedThroughAPI(t *testing.T) {
	seed := corpus.Dir(t, "seed")
	polnear := corpus.Dir(t, "quotes/polnear/train/text")
	analyze, err := storetest.GoldAnalyzer(filepath.Join(seed, "alaska-summit.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, analyze, httpapi.Options{Token: token})
	if _, err := f.pipe.Run(context.Background(), []string{seed, polnear}); err != nil {
		t.Fatal(err)
	}

	var res dateline.SearchResult
	f.get(t, "/api/search?q="+url.QueryEscape("ceasefire Ukraine")+"&facets=1", http.StatusOK, &res)
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Title, "Alaska Summit") || res.Hits[0].URL != "" && res.Hits[0].ID == 0 {
		t.Fatalf("search: %+v, want the seed article first", res.Hits)
	}
	if res.Facets == nil || len(res.Facets.Entities) == 0 {
		t.Errorf("no entity facets: %+v", res.Facets)
	}

	var art dateline.StoredArticle
	f.get(t, fmt.Sprintf("/api/articles/%d", res.Hits[0].ID), http.StatusOK, &art)
	if len(art.Entities) < 5 || len(art.Quotes) < 2 || art.Attributions == nil || art.Events == nil {
		t.Errorf("article has %d entities, %d quotes; want the gold ones", len(art.Entities), len(art.Quotes))
	}

	var ents struct{ Entities []dateline.EntitySummary }
	f.get(t, "/api/entities?q=zelenskyy", http.StatusOK, &ents)
	if len(ents.Entities) != 1 {
		t.Fatalf("entities?q=zelenskyy: %+v", ents)
	}
	var prof dateline.EntityProfile
	f.get(t, fmt.Sprintf("/api/entities/%d", ents.Entities[0].ID), http.StatusOK, &prof)
	if len(prof.Roles) == 0 || prof.Roles[0].Role != "President" {
		t.Errorf("Zelenskyy's roles: %+v, want President", prof.Roles)
	}
	if len(prof.Quotes) != 1 || !strings.HasPrefix(prof.Quotes[0].Text, "Everything concerning Ukraine") {
		t.Errorf("Zelenskyy's quotes: %+v", prof.Quotes)
	}
	if len(prof.CoMentions) == 0 || len(prof.Timeline) == 0 {
		t.Errorf("profile lacks co-mentions or timeline: %+v", prof)
	}

	var quotes struct{ Quotes []dateline.QuoteHit }
	f.get(t, "/api/quotes?speaker=Trump", http.StatusOK, &quotes)
	found := false
	for _, q := range quotes.Quotes {
		if q.SpeakerName != "Donald Trump" {
			t.Errorf("quote by %q in Trump's quotes", q.SpeakerName)
		}
		if strings.HasPrefix(q.Text, "I may leave and say") {
			found = true
		}
	}
	if !found {
		t.Errorf("Trump's quotes %+v lack “I may leave and say…”", quotes.Quotes)
	}
	f.get(t, "/api/quotes?speaker=Trump&q=luck", http.StatusOK, &quotes)
	if len(quotes.Quotes) != 1 {
		t.Errorf("quotes?speaker=Trump&q=luck: %+v, want 1", quotes.Quotes)
	}
}

func TestErrors(t *testing.T) {
	f := newFixture(t, nil, httpapi.Options{Token: token, MaxBody: 1 << 10})
	long := strings.Repeat("a", httpapi.MaxURLBytes)
	tests := []struct {
		name, method, path string
		status             int
		code               string
	}{
		{"missing article", "GET", "/api/articles/12345", 404, "not_found"},
		{"bad id", "GET", "/api/articles/abc", 400, "invalid"},
		{"missing entity", "GET", "/api/entities/9", 404, "not_found"},
		{"too many terms", "GET", "/api/search?q=" + strings.Repeat("w+", 40), 400, "invalid"},
		{"limit", "GET", "/api/search?q=x&limit=1000", 400, "invalid"},
		{"bad limit", "GET", "/api/search?q=x&limit=ten", 400, "invalid"},
		{"bad date", "GET", "/api/search?from=yesterday", 400, "invalid"},
		{"long query string", "GET", "/api/search?q=" + long, 414, "uri_too_long"},
		{"unknown path", "GET", "/api/nothing", 404, "no_route"},
		{"wrong method", "POST", "/api/search", 405, "method_not_allowed"},
		{"ingest by GET", "GET", "/api/ingest", 405, "method_not_allowed"},
		{"ingest without token", "POST", "/api/ingest", 401, "unauthorized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, f.srv.URL+tt.path, strings.NewReader("<p>x</p>"))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body httpapi.ErrorBody
			if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
				t.Fatalf("error body not JSON: %v", err)
			}
			if resp.StatusCode != tt.status || body.Error.Code != tt.code {
				t.Errorf("status %d code %q, want %d %q (%s)", resp.StatusCode, body.Error.Code, tt.status, tt.code, body.Error.Message)
			}
		})
	}
}

func post(t *testing.T, f *fixture, tok, ct string, body []byte) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("POST", f.srv.URL+"/api/ingest", bytes.NewReader(body))
	req.Header.Set("Content-Type", ct)
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestIngest(t *testing.T) {
	f := newFixture(t, nil, httpapi.Options{Token: token, MaxBody: 64 << 10})
	page := "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1><p>" + storetest.Text("harbour", 1) + "</p></article></body></html>"
	req, _ := json.Marshal(httpapi.IngestRequest{URL: "https://news.example/harbour", Body: page})

	if resp, b := post(t, f, "", "application/json", req); resp.StatusCode != 401 {
		t.Errorf("without token: %d %s, want 401", resp.StatusCode, b)
	}
	if resp, b := post(t, f, "wrong", "application/json", req); resp.StatusCode != 401 {
		t.Errorf("wrong token: %d %s, want 401", resp.StatusCode, b)
	}
	resp, b := post(t, f, token, "application/json", req)
	var res dateline.PutResult
	if err := json.Unmarshal(b, &res); err != nil || resp.StatusCode != 201 || res.Outcome != dateline.Added {
		t.Fatalf("with token: %d %s, want 201 added", resp.StatusCode, b)
	}
	resp, b = post(t, f, token, "text/html", []byte(page))
	if err := json.Unmarshal(b, &res); err != nil || resp.StatusCode != 200 || res.Outcome != dateline.Duplicate {
		t.Errorf("same page as raw HTML: %d %s, want 200 duplicate", resp.StatusCode, b)
	}
	if resp, b := post(t, f, token, "application/json", []byte(`{"body": ""}`)); resp.StatusCode != 400 {
		t.Errorf("empty page: %d %s, want 400", resp.StatusCode, b)
	}
	if resp, b := post(t, f, token, "application/octet-stream", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00")); resp.StatusCode != 400 {
		t.Errorf("image: %d %s, want 400", resp.StatusCode, b)
	}
	if resp, b := post(t, f, token, "text/html", bytes.Repeat([]byte("<p>big</p>"), 10<<10)); resp.StatusCode != 413 {
		t.Errorf("large body: %d %s, want 413", resp.StatusCode, b)
	}
	var sr dateline.SearchResult
	f.get(t, "/api/search?q=harbour", 200, &sr)
	if sr.Total != 1 || sr.Hits[0].Title != "Harbour reopens" || sr.Hits[0].URL != "https://news.example/harbour" {
		t.Errorf("search after ingest: %+v", sr)
	}
}

func TestIngestRefusedWithoutConfiguredToken(t *testing.T) {
	f := newFixture(t, nil, httpapi.Options{})
	if resp, b := post(t, f, "", "text/html", []byte("<p>x</p>")); resp.StatusCode != 401 {
		t.Errorf("no token configured, none given: %d %s, want 401", resp.StatusCode, b)
	}
	if resp, b := post(t, f, "anything", "text/html", []byte("<p>x</p>")); resp.StatusCode != 401 {
		t.Errorf("no token configured, one given: %d %s, want 401", resp.StatusCode, b)
	}
}

func TestOpenAPIAndHealth(t *testing.T) {
	f := newFixture(t, nil, httpapi.Options{})
	var spec struct {
		OpenAPI string
		Paths   map[string]map[string]any
	}
	f.get(t, "/api/openapi.json", 200, &spec)
	for _, p := range []string{"/api/search", "/api/articles/{id}", "/api/entities", "/api/entities/{id}", "/api/quotes", "/api/ingest", "/healthz"} {
		if spec.Paths[p] == nil {
			t.Errorf("openapi.json lacks %s", p)
		}
	}
	var h map[string]any
	f.get(t, "/healthz", 200, &h)
	if h["status"] != "ok" {
		t.Errorf("healthz: %v", h)
	}
}

// TestReadsDuringIngest searches, lists and reads through the API while a
// batch ingest is writing: no request may fail.
func TestReadsDuringIngest(t *testing.T) {
	polnear := corpus.Dir(t, "quotes/polnear/train/text")
	f := newFixture(t, nil, httpapi.Options{})
	done := make(chan error, 1)
	go func() {
		_, err := f.pipe.Run(context.Background(), []string{polnear})
		done <- err
	}()
	var wg sync.WaitGroup
	var mu sync.Mutex
	requests, failures := 0, 0
	stop := make(chan struct{})
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			paths := []string{"/api/search?q=trump+clinton&facets=1", "/api/search?q=debate", "/api/articles/1", "/api/quotes", "/api/entities", "/healthz"}
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				p := paths[(n+i)%len(paths)]
				resp, err := http.Get(f.srv.URL + p)
				mu.Lock()
				requests++
				if err != nil || (resp.StatusCode != 200 && !(p == "/api/articles/1" && resp.StatusCode == 404)) {
					failures++
					t.Errorf("GET %s during ingest: %v %v", p, err, resp.Status)
				}
				mu.Unlock()
				if resp != nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}
		}(i)
	}
	err := <-done
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d requests during ingest, %d failed", requests, failures)
	if requests < 20 {
		t.Errorf("only %d requests ran during the ingest", requests)
	}
}
