package analyze

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/entity"
	"github.com/datelinehq/dateline/extract"
	"github.com/datelinehq/dateline/internal/corpus"
)

// articlePages returns the WCXB dev pages whose ground truth calls them
// articles, decompressed.
func articlePages(b *testing.B) [][]byte {
	b.Helper()
	dir := corpus.Dir(b, "extract/wcxb-dev")
	truths, err := filepath.Glob(filepath.Join(dir, "ground-truth", "*.json"))
	if err != nil || len(truths) == 0 {
		b.Fatalf("no ground truth in %s", dir)
	}
	var pages [][]byte
	for _, f := range truths {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var gt struct {
			Internal struct {
				PageType struct {
					Primary string `json:"primary"`
				} `json:"page_type"`
			} `json:"_internal"`
		}
		if err := json.Unmarshal(raw, &gt); err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		if gt.Internal.PageType.Primary != "article" {
			continue
		}
		id := strings.TrimSuffix(filepath.Base(f), ".json")
		gz, err := os.ReadFile(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, corpus.Gunzip(b, gz))
	}
	return pages
}

// BenchmarkArticle extracts and analyses every WCXB dev article page once
// per iteration, as `dateline analyze` does, and reports articles/s and
// articles per CPU-second (the machine is shared: wall time includes
// waiting for a core). Run with GOMAXPROCS=1 for one core.
func BenchmarkArticle(b *testing.B) {
	pages := articlePages(b)
	full := models(b)
	// "entities" is issue #3's pipeline (extraction and entities); "full"
	// adds the later stages (quotes, attributions, events).
	entitiesOnly := *full
	entitiesOnly.Stages = nil
	for _, run := range []struct {
		name string
		m    *Models
	}{{"entities", &entitiesOnly}, {"full", full}} {
		b.Run(run.name, func(b *testing.B) {
			cpu0 := cpuTime()
			b.ResetTimer()
			for b.Loop() {
				for _, p := range pages {
					a, err := extract.Page(p, extract.Options{})
					if err != nil {
						continue
					}
					Article(*a, run.m)
				}
			}
			report(b, len(pages), cpu0, "articles")
		})
	}
}

// BenchmarkStages splits the cost of analysis: the ner tagger alone (in
// tokens per CPU-second) and everything else entity finding does —
// segmentation and the rules — with the tags replayed.
func BenchmarkStages(b *testing.B) {
	pages := articlePages(b)
	m := models(b)
	var arts []dateline.Article
	for _, p := range pages {
		if a, err := extract.Page(p, extract.Options{}); err == nil {
			arts = append(arts, *a)
		}
	}
	type doc struct {
		sents [][]string
		tags  [][]string
	}
	var docs []doc
	tokens := 0
	for _, a := range arts {
		rec := &recorder{t: m.Tagger}
		entity.Find(a.Text, entity.Header{Title: a.Title, Subtitle: a.Subtitle, Dateline: a.Dateline}, &entity.Models{Tagger: rec, Places: m.Places})
		docs = append(docs, doc{rec.sents, rec.tags})
		for _, s := range rec.sents {
			tokens += len(s)
		}
	}
	b.Run("tagger", func(b *testing.B) {
		cpu0 := cpuTime()
		for b.Loop() {
			for _, d := range docs {
				m.Tagger.TagDocument(d.sents)
			}
		}
		report(b, tokens, cpu0, "tokens")
		b.ReportMetric(float64(tokens)/float64(len(docs)), "tokens/article")
	})
	b.Run("rules", func(b *testing.B) {
		cpu0 := cpuTime()
		for b.Loop() {
			for i, a := range arts {
				r := &replay{tags: docs[i].tags}
				entity.Find(a.Text, entity.Header{Title: a.Title, Subtitle: a.Subtitle, Dateline: a.Dateline}, &entity.Models{Tagger: r, Places: m.Places})
			}
		}
		report(b, len(arts), cpu0, "articles")
	})
}

// recorder keeps what it tags, to replay it.
type recorder struct {
	t           entity.Tagger
	sents, tags [][]string
}

func (r *recorder) TagDocument(s [][]string) [][]string {
	r.sents, r.tags = s, r.t.TagDocument(s)
	return r.tags
}

// replay returns recorded tags.
type replay struct{ tags [][]string }

func (r *replay) TagDocument([][]string) [][]string { return r.tags }

// report adds rates per wall second and per CPU second.
func report(b *testing.B, perLoop int, cpu0 time.Duration, unit string) {
	n := float64(b.N * perLoop)
	b.ReportMetric(n/b.Elapsed().Seconds(), unit+"/s")
	b.ReportMetric(n/(cpuTime()-cpu0).Seconds(), unit+"/cpu-s")
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
