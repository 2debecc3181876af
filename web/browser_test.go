package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/datelinehq/dateline/analyze"
	"github.com/datelinehq/dateline/httpapi"
	"github.com/datelinehq/dateline/ingest"
	"github.com/datelinehq/dateline/internal/corpus"
	"github.com/datelinehq/dateline/sqlite"
	"github.com/datelinehq/dateline/web"
)

// chromiumPath is where scripts/setup installs Chromium (Debian package).
const chromiumPath = "/usr/bin/chromium"

// EnvArtifacts names a directory for the browser test's screenshots;
// by default they go to a fresh temporary directory, logged by the test.
const envArtifacts = "DATELINE_ARTIFACTS"

// browser starts headless Chromium for one test, or skips the test when it
// is not installed (failing instead when the corpus is required, as in CI).
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		msg := chromiumPath + " not found: run scripts/setup (installs the Debian package chromium)"
		if os.Getenv(corpus.EnvRequire) != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return bctx
}

func artifactDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv(envArtifacts)
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "dateline-artifacts-"); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowser drives the UI as a reader would over the seed, analysed by
// the real analysis: search, open the article, open an entity, find a
// quote; and checks that a hostile article shows its markup as text and
// runs none of it.
func TestBrowser(t *testing.T) {
	seed := corpus.Dir(t, "seed")
	ctx := browser(t)
	models, err := analyze.Load()
	if err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "ui.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := ingest.New(ingest.Options{Store: s, Analyze: models.Article}).Run(context.Background(), []string{seed}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(context.Background(), hostile()); err != nil {
		t.Fatal(err)
	}
	ui, err := web.New(web.Options{Store: s})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", httpapi.New(httpapi.Options{Store: s}))
	mux.Handle("/", ui)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	shots := artifactDir(t)
	b := &page{t: t, ctx: ctx, dir: shots}

	b.do(chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "ceasefire Ukraine"), chromedp.Submit(chromedp.ID("q")),
		// The home page lists hits too: wait for the results page itself.
		chromedp.WaitVisible(`//p[contains(@class, "count") and contains(., "found")]`))
	first := b.text("#hits .hit-title")
	b.shot("search")
	b.do(chromedp.Click(chromedp.CSS("#hits .hit-title")), chromedp.WaitVisible(chromedp.ID("article-title")))
	title, body := b.text("#article-title"), b.text("#body")
	marks, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#body a.ent[data-entity]').length + document.querySelectorAll('#body q.quote').length`))
	if err != nil {
		t.Fatal(err)
	}
	b.shot("article")
	b.do(chromedp.Click(`//ul[@id="entities"]//a[normalize-space(text())="Volodymyr Zelenskyy"]`), chromedp.WaitVisible(chromedp.ID("entity-name")))
	entity, roles, quotes := b.text("#entity-name"), b.text("#roles"), b.text("#entity-quotes")
	b.shot("entity")
	b.do(chromedp.Navigate(srv.URL+"/quotes?speaker=Trump"), chromedp.WaitVisible(chromedp.ID("quote-list")))
	finder := b.text("#quote-list")
	b.shot("quotes")
	t.Logf("screenshots in %s", shots)
	if !strings.Contains(first, "Alaska Summit") || first != title {
		t.Errorf("first hit %q, article %q: want the seed article", first, title)
	}
	if !strings.Contains(body, "I may leave and say") || marks < 10 {
		t.Errorf("article body has %d marks and text %.80q", marks, body)
	}
	if entity != "Volodymyr Zelenskyy" || !strings.Contains(roles, "President") || !strings.Contains(quotes, "Everything concerning Ukraine") {
		t.Errorf("entity page: %q, roles %q, quotes %q", entity, roles, quotes)
	}
	if !strings.Contains(finder, "I may leave and say") || !strings.Contains(finder, "Donald Trump") {
		t.Errorf("quote finder for Trump: %q", finder)
	}

	// The hostile article: its title and body must read as text and no
	// handler in it may have run.
	b.do(chromedp.Navigate(srv.URL+"/?q=evil"), chromedp.WaitVisible(chromedp.CSS("#hits .hit-title")))
	hitTitle := b.text("#hits .hit-title")
	b.do(chromedp.Click(chromedp.CSS("#hits .hit-title")), chromedp.WaitVisible(chromedp.ID("article-title")),
		chromedp.Sleep(300*time.Millisecond)) // give any injected handler the time to fire
	artTitle, artBody := b.text("#article-title"), b.text("#body")
	xss, err := chromedp.Run(ctx, chromedp.Evaluate[*string](`window.__xss === undefined ? null : String(window.__xss)`))
	if err != nil {
		t.Fatal(err)
	}
	injected, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('img, svg[onload], #body script, b[onmouseover]').length`))
	if err != nil {
		t.Fatal(err)
	}
	b.shot("hostile")
	if xss != nil || injected != 0 {
		t.Errorf("hostile article ran script (window.__xss = %v) or injected %d elements", *xss, injected)
	}
	for _, s := range []string{hitTitle, artTitle} {
		if !strings.Contains(s, "<script>window.__xss=1</script>") {
			t.Errorf("title shown as %q, want its markup as text", s)
		}
	}
	if !strings.Contains(artBody, `<img src=x onerror="window.__xss=3">`) {
		t.Errorf("body shown as %.120q, want its markup as text", artBody)
	}
}

// page drives one browser tab, failing the test on any error.
type page struct {
	t   *testing.T
	ctx context.Context
	dir string
}

func (p *page) do(steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		p.t.Fatalf("browser: %v", err)
	}
}

func (p *page) text(sel string) string {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		p.t.Fatalf("browser: text of %s: %v", sel, err)
	}
	return v
}

// shot writes a full-page screenshot NAME.png (PNG: quality 100) to the artifact directory.
func (p *page) shot(name string) {
	p.t.Helper()
	buf, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Fatalf("browser: screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(p.dir, name+".png"), buf, 0o644); err != nil {
		p.t.Fatal(err)
	}
}
