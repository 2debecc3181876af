package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/datelinehq/dateline/internal/corpus"
	"github.com/datelinehq/dateline/pos"
)

// TestTrainPOS trains the tagger for one epoch, scores it and checks the
// model written loads.
func TestTrainPOS(t *testing.T) {
	root := filepath.Dir(filepath.Dir(corpus.Dir(t, "ner/gmb")))
	out := filepath.Join(t.TempDir(), "pos.bin.gz")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), env{stdout: &stdout, stderr: &stderr}, []string{"train", "pos", "--corpus", root, "--out", out, "--epochs", "1"})
	if code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	m := regexp.MustCompile(`gmb/dev.conll: ([0-9.]+)% of`).FindStringSubmatch(stdout.String())
	if m == nil {
		t.Fatalf("no GMB dev accuracy in:\n%s", stdout.String())
	}
	if acc, _ := strconv.ParseFloat(m[1], 64); acc < 97 {
		t.Errorf("one epoch: GMB dev accuracy %.2f%%, want at least 97%%", acc)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := pos.ReadModel(f); err != nil {
		t.Fatal(err)
	}
	if code := run(context.Background(), env{stdout: &stdout, stderr: &stderr}, []string{"train", "pos", "--corpus", t.TempDir(), "--out", out}); code != 1 {
		t.Errorf("empty corpus directory: exit code %d, want 1", code)
	}
}
