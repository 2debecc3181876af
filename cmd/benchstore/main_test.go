package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/internal/corpus"
)

// TestSmall runs the benchmark end to end on a few hundred articles made
// from the PolNeAR texts, so the program keeps working; the figures come
// from real runs (see the package comment).
func TestSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short")
	}
	dir := corpus.Dir(t, "quotes/polnear/train/text")
	var out, errs bytes.Buffer
	err := run(context.Background(), []string{"-n", "300", "-rounds", "2", "-max-p99", "5000",
		"-corpus", dir, "-sources", "."}, &out, &errs)
	if err != nil {
		t.Fatalf("benchstore: %v\n%s", err, errs.String())
	}
	for _, want := range []string{"ingest rate", "KB per article", "p99", "RSS"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	t.Log("\n" + out.String())
}
