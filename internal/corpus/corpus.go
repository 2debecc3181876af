// Package corpus locates the shared evaluation corpus (../shared/corpus)
// for tests and evaluation commands. The corpus is third-party data kept
// outside the repository; this package is the one place that knows where.
package corpus

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// EnvDir names the environment variable that points at the corpus.
const EnvDir = "DATELINE_CORPUS"

// EnvRequire, when set to a non-empty value, turns a missing corpus from a
// skipped test into a failed one. CI sets it.
const EnvRequire = "DATELINE_REQUIRE_CORPUS"

// Find returns the corpus directory: $DATELINE_CORPUS if set, else the
// first "shared/corpus" found beside this checkout or one of its parents.
// It returns "" when there is none.
func Find() string {
	if d := os.Getenv(EnvDir); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		cand := filepath.Join(dir, "..", "shared", "corpus")
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			return filepath.Clean(cand)
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

// Dir returns the corpus subdirectory sub (e.g. "extract/wcxb-dev") for a
// test. Where it is absent the test is skipped with a clear message, or
// failed when DATELINE_REQUIRE_CORPUS is set.
func Dir(t testing.TB, sub string) string {
	t.Helper()
	root := Find()
	if root != "" {
		d := filepath.Join(root, sub)
		if _, err := os.Stat(d); err == nil {
			return d
		}
	}
	msg := "corpus " + sub + " not found: set " + EnvDir + " to the shared corpus directory"
	if os.Getenv(EnvRequire) != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// Gunzip returns the content of gzipped bytes, failing tb on error: the
// corpus's pages and the shipped models are stored gzipped.
func Gunzip(tb testing.TB, b []byte) []byte {
	tb.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}
