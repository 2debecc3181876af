package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/internal/corpus"
)

// TestEvalQuotesFolds cross-validates on a small PolNeAR-format
// directory built from six dev articles, and refuses --folds beside a
// model of its own.
func TestEvalQuotesFolds(t *testing.T) {
	dev := filepath.Join(corpus.Dir(t, "quotes/polnear"), "dev")
	dir := t.TempDir()
	texts, err := filepath.Glob(filepath.Join(dev, "text", "*.txt"))
	if err != nil || len(texts) < 6 {
		t.Fatalf("dev texts: %v (%d)", err, len(texts))
	}
	for _, sub := range []string{"text", "attributions"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range texts[:6] {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		anns, _ := filepath.Glob(filepath.Join(dev, "attributions", name+"_*.ann"))
		for _, src := range append(anns, p) {
			b, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			sub := "attributions"
			if src == p {
				sub = "text"
			}
			if err := os.WriteFile(filepath.Join(dir, sub, filepath.Base(src)), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	var out, errOut bytes.Buffer
	if code := run(context.Background(), env{stdout: &out, stderr: &errOut}, []string{"eval", "quotes", "--folds", "3", "--clusters=false", "--dir", dir}); code != 0 {
		t.Fatalf("exit code %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "3-fold cross-validation") || !strings.Contains(out.String(), "6 documents") {
		t.Errorf("output:\n%s", out.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run(context.Background(), env{stdout: &out, stderr: &errOut}, []string{"eval", "quotes", "--folds", "2", "--model", "x.bin.gz"}); code != 2 {
		t.Errorf("--folds with --model: exit code %d, want 2 (%s)", code, errOut.String())
	}
}
