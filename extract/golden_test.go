package extract

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden runs every testdata/*.html page and compares the article
// with testdata/NAME.json. Run `go test ./extract -update` after an
// intended change and review the diff.
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob("testdata/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no golden pages: %v", err)
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			var got []byte
			a, err := Page(data, Options{URL: "https://example.com/" + name})
			if err != nil {
				got = []byte("error: " + err.Error() + "\n")
			} else {
				got, _ = json.MarshalIndent(a, "", "  ")
				got = append(got, '\n')
			}
			golden := strings.TrimSuffix(page, ".html") + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update to create): %v", err)
			}
			if string(got) != string(want) {
				t.Errorf("output differs from %s (run with -update to accept):\n got: %s\nwant: %s", golden, got, want)
			}
		})
	}
}

// TestGoldenFacts states the facts the golden files must hold, so that an
// -update cannot silently accept a regression in them.
func TestGoldenFacts(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		a, err := Page(data, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, _ := json.Marshal(a)
		return string(b) + "\n" + a.Text
	}
	wire := read("wire.html")
	for _, want := range []string{`"authors":["Maria Delgado"]`, `"dateline":"RIVERSIDE, Ore."`, `"published":"2024-03-05T09:30:00-05:00"`,
		`"site_name":"Riverside Courier"`, `"language":"en"`, "What happens next", "sandbagging Main Street", "aluminium panels"} {
		if !strings.Contains(wire, want) {
			t.Errorf("wire.html: missing %s", want)
		}
	}
	for _, bad := range []string{"Advertisement", "Most read", "Share on Facebook", "basement flooded", "Teaser paragraph", "Riverside Courier Staff", "Courier Staff\""} {
		if strings.Contains(wire, bad) {
			t.Errorf("wire.html: output holds %q", bad)
		}
	}
	latin := read("latin1.html")
	for _, want := range []string{"Straßenbau in München beginnt", "müssen", `"language":"de"`} {
		if !strings.Contains(latin, want) {
			t.Errorf("latin1.html: missing %s", want)
		}
	}
	streamed := read("streamed.html")
	order := []string{"forty minutes", "a week of build traces", "Remote caching", "eighteen minutes"}
	last := -1
	for _, w := range order {
		i := strings.Index(streamed, w)
		if i < 0 || i < last {
			t.Errorf("streamed.html: %q missing or out of reading order", w)
		}
		last = i
	}
	if strings.Contains(streamed, "Loading") {
		t.Errorf("streamed.html: fallback text left in: %s", streamed)
	}
	data, _ := os.ReadFile("testdata/listing.html")
	if _, err := Page(data, Options{}); !errors.Is(err, ErrNoContent) {
		t.Errorf("listing.html: err = %v, want ErrNoContent", err)
	}
}
