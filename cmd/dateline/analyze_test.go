package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline"
)

// TestAnalyzeBody runs `dateline analyze --body` on a small file and a
// non-UTF-8 one: offsets index the file itself, and the bad input gets
// one error line and exit code 1 while the good one still comes out.
func TestAnalyzeBody(t *testing.T) {
	dir := t.TempDir()
	text := "Follow Us:\n\nKremlin spokesperson Dmitry Peskov said on Friday that he expected progress.\n"
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(good, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("Putin \xff\xfe met"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := run(context.Background(), env{stdout: &out, stderr: &errOut}, []string{"analyze", "--body", good, bad})
	if code != 1 {
		t.Errorf("exit code %d, want 1; stderr %s", code, errOut.String())
	}
	if !bytes.Contains(errOut.Bytes(), []byte("bad.txt")) {
		t.Errorf("stderr does not name the bad input: %s", errOut.String())
	}
	var an dateline.Analysis
	if err := json.Unmarshal(bytes.Split(out.Bytes(), []byte("\n"))[0], &an); err != nil {
		t.Fatalf("output: %v\n%s", err, out.String())
	}
	if an.Text != text || !an.Analysed {
		t.Fatalf("text %q analysed %v (%s)", an.Text, an.Analysed, an.Note)
	}
	runes := []rune(text)
	found := false
	for _, e := range an.Entities {
		for _, m := range e.Mentions {
			if string(runes[m.Start:m.End]) != m.Text {
				t.Errorf("mention %q at [%d,%d) is not the file's text", m.Text, m.Start, m.End)
			}
		}
		if e.Name == "Dmitry Peskov" {
			found = e.Role == "spokesperson" && e.Affiliation == "Kremlin" && len(e.Mentions) == 2
		}
	}
	if !found {
		t.Errorf("Dmitry Peskov, spokesperson of Kremlin, with the pronoun, not in %+v", an.Entities)
	}
}
