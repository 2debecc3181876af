package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/datelinehq/dateline/warc"
)

const watchArticles = 50

// watchSite serves a feed of 50 articles, each a page extract can read,
// and counts the requests for each article.
func watchSite(t *testing.T) (*httptest.Server, func(string) int) {
	t.Helper()
	var mu sync.Mutex
	hits := map[string]int{}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>`)
		for i := range watchArticles {
			fmt.Fprintf(w, "<item><title>Story %d</title><link>/story/%d</link><pubDate>Mon, 02 Jun 2025 %02d:00:00 GMT</pubDate></item>", i, i, i%24)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/story/{n}", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		n := r.PathValue("n")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><title>Story %s</title></head><body><article><h1>Story %s</h1>`, n, n)
		for p := range 4 {
			fmt.Fprintf(w, "<p>Paragraph %d of story %s. The council met on Tuesday to discuss the budget, and members argued for several hours about the cost of repairing the old bridge across the river before voting.</p>", p, n)
		}
		fmt.Fprint(w, `</article></body></html>`)
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s, func(path string) int {
		mu.Lock()
		defer mu.Unlock()
		return hits[path]
	}
}

// buildDateline builds the command into a temporary directory.
func buildDateline(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "dateline")
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// outputLines returns the complete lines of the output file.
func outputLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	if n := len(lines); n > 0 && !strings.HasSuffix(lines[n-1], "\n") {
		lines = lines[:n-1]
	}
	return lines
}

// waitLines waits until the output holds at least n complete lines.
func waitLines(t *testing.T, path string, n int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for len(outputLines(t, path)) < n {
		if time.Now().After(deadline) {
			t.Fatalf("output has %d lines after 30s, want %d", len(outputLines(t, path)), n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestWatchKillAndResume kills `dateline watch` with SIGKILL mid-crawl,
// stops the next run with SIGINT, and lets a third finish: the output then
// holds every article exactly once, and the WARC files written along the
// way read back.
func TestWatchKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := buildDateline(t)
	site, hits := watchSite(t)
	dir := t.TempDir()
	out, state, warcs := filepath.Join(dir, "out.jsonl"), filepath.Join(dir, "state.jsonl"), filepath.Join(dir, "warc")
	args := []string{"watch", "--allow-private", "--once", "--rate", "25", "--state", state, "--out", out, "--warc-dir", warcs, site.URL + "/feed.xml"}
	start := func() (*exec.Cmd, *bytes.Buffer) {
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, &stderr
	}

	cmd, _ := start()
	waitLines(t, out, 10)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	killedAt := len(outputLines(t, out))

	cmd, stderr := start()
	waitLines(t, out, killedAt+10)
	cmd.Process.Signal(syscall.SIGINT)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("after SIGINT: %v\n%s", err, stderr)
	}
	stoppedAt := len(outputLines(t, out))

	cmd, stderr = start()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("last run: %v\n%s", err, stderr)
	}
	t.Logf("killed at %d articles, interrupted at %d, finished with %d", killedAt, stoppedAt, len(outputLines(t, out)))

	seen := map[string]int{}
	for _, line := range outputLines(t, out) {
		var a struct{ Source, Title string }
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("bad output line %q: %v", line, err)
		}
		seen[a.Source]++
	}
	if len(seen) != watchArticles {
		t.Errorf("got %d distinct articles, want %d", len(seen), watchArticles)
	}
	for src, n := range seen {
		if n != 1 {
			t.Errorf("%s emitted %d times", src, n)
		}
	}
	refetched := 0
	for i := range watchArticles {
		if n := hits(fmt.Sprintf("/story/%d", i)); n > 1 {
			refetched += n - 1
		}
	}
	// A page fetched but not written when the process was killed is
	// fetched again; there are at most a few in flight.
	if refetched > 2*16 {
		t.Errorf("%d articles fetched again", refetched)
	}
	checkWARCs(t, warcs, site.URL)
}

// checkWARCs reads back every WARC file written, with dateline's reader.
// A file cut by SIGKILL may end in a torn record; the others must be whole.
func checkWARCs(t *testing.T, dir, siteURL string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.warc.gz"))
	if len(files) < 3 {
		t.Fatalf("got %d WARC files, want one per run", len(files))
	}
	responses := 0
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		r := warc.NewReader(bufio.NewReader(f))
		for {
			rec, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Logf("%s: %v (a torn record from the killed run?)", filepath.Base(name), err)
				break
			}
			if rec.Type == warc.TypeResponse && strings.HasPrefix(rec.TargetURI, siteURL+"/story/") {
				resp, err := warc.ReadResponse(rec.Body)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				if !bytes.Contains(body, []byte("<article>")) {
					t.Errorf("%s: archived body %.80q", rec.TargetURI, body)
				}
				responses++
			}
		}
		f.Close()
	}
	if responses < watchArticles {
		t.Errorf("archived %d article responses, want at least %d", responses, watchArticles)
	}
}

func TestExpandSources(t *testing.T) {
	opml := filepath.Join(t.TempDir(), "subs.opml")
	os.WriteFile(opml, []byte(`<opml version="2.0"><body><outline text="x"><outline xmlUrl="https://a.example/rss"/></outline><outline xmlUrl="https://b.example/atom"/></body></opml>`), 0o644)
	got, err := expandSources([]string{"https://c.example/", opml})
	if want := "[https://c.example/ https://a.example/rss https://b.example/atom]"; err != nil || fmt.Sprint(got) != want {
		t.Errorf("got %v, %v; want %s", got, err, want)
	}
	if _, err := expandSources([]string{filepath.Join(t.TempDir(), "missing")}); err == nil {
		t.Errorf("missing file: got no error")
	}
}
