package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/sqlite"
	"github.com/datelinehq/dateline/storetest"
)

// writePages writes n distinct article pages, plus a byte-identical copy
// of every tenth one under another name, and returns the directory.
func writePages(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		topic := fmt.Sprintf("topic%04d", i)
		page := fmt.Sprintf("<html><head><title>Story %d</title></head><body><article><h1>Story %d</h1><p>%s</p><p>%s</p></article></body></html>",
			i, i, storetest.Text(topic, i), storetest.Text(topic+"b", i+1))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%04d.html", i)), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		if i%10 == 0 {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("q%04d-copy.html", i)), []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// TestIngestSurvivesKill builds the binary, SIGKILLs `dateline ingest` at
// random moments, then lets it finish: every page must be stored exactly
// once and the database must pass its integrity checks.
func TestIngestSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "dateline")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const n = 1500
	dir := writePages(t, n)
	db := filepath.Join(t.TempDir(), "crash.db")
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 1))
	t.Logf("kill delays from seed %d", seed)
	midway := 0 // kills that left some but not all pages stored
	for round := 0; round < 8 && midway < 3; round++ {
		cmd := exec.Command(bin, "ingest", "--db", db, "--workers", "2", dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Loading the analysis models takes a moment that varies with
		// the machine's load: wait until this run stores something, then
		// kill it a random while later.
		before := 0
		if _, err := os.Stat(db); err == nil {
			before = storedStats(t, db).Articles
		}
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); {
			time.Sleep(100 * time.Millisecond)
			if _, err := os.Stat(db); err == nil && storedStats(t, db).Articles > before {
				break
			}
		}
		time.Sleep(time.Duration(rng.IntN(400)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		st := storedStats(t, db)
		t.Logf("round %d: %v; %d articles stored", round, err, st.Articles)
		if st.Articles > 0 && st.Articles < n && err != nil {
			midway++
		}
	}
	if midway == 0 {
		t.Errorf("no kill landed in the middle of an ingest")
	}
	cmd := exec.Command(bin, "ingest", "--db", db, dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("final ingest: %v\n%s", err, out)
	}
	t.Logf("final: %s (%d kills mid-ingest)", lastLine(string(out)), midway)

	ctx := context.Background()
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(ctx); err != nil {
		t.Fatalf("after kills: %v", err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != n || st.Versions != n || st.Copies != 0 {
		t.Errorf("store holds %+v, want %d articles and versions", st, n)
	}
	for i := 0; i < n; i += 7 {
		res, err := s.Search(ctx, dateline.SearchQuery{Text: fmt.Sprintf("topic%04d", i)})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 {
			t.Errorf("topic%04d: %d articles, want 1", i, res.Total)
		}
	}
}

// storedStats opens the database after a run, checks it and counts.
func storedStats(t *testing.T, db string) dateline.StoreStats {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer s.Close()
	if err := s.Check(ctx); err != nil {
		t.Fatalf("after kill: %v", err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Versions != st.Articles {
		t.Errorf("after kill: %+v: a version without its article or the reverse", st)
	}
	return st
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// TestIngestCommand runs ingest in-process twice: the second run adds
// nothing, and bad usage is reported as such.
func TestIngestCommand(t *testing.T) {
	dir := writePages(t, 5)
	db := filepath.Join(t.TempDir(), "sub", "cmd.db")
	var stderr bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &stderr}
	if code := run(context.Background(), e, []string{"ingest", "--db", db, dir}); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "5 added") || !strings.Contains(stderr.String(), "1 duplicates") {
		t.Errorf("summary: %s", stderr.String())
	}
	stderr.Reset()
	if code := run(context.Background(), e, []string{"ingest", "--db", db, dir}); code != 0 {
		t.Fatalf("second ingest: exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "0 added") || !strings.Contains(stderr.String(), "6 unchanged") {
		t.Errorf("second summary: %s", stderr.String())
	}
	if code := run(context.Background(), e, []string{"ingest", "--db", db}); code != 2 {
		t.Errorf("ingest without input: exit %d, want 2", code)
	}
}

func TestDefaultDB(t *testing.T) {
	t.Setenv(envDB, "")
	t.Setenv("XDG_DATA_HOME", "/data")
	if got := defaultDB(); got != "/data/dateline/dateline.db" {
		t.Errorf("defaultDB = %q", got)
	}
	t.Setenv(envDB, "/x/y.db")
	if got := defaultDB(); got != "/x/y.db" {
		t.Errorf("defaultDB with $%s = %q", envDB, got)
	}
}
