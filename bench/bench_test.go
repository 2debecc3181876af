package bench

import (
	"context"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/datelinehq/dateline/eval"
	"github.com/datelinehq/dateline/internal/corpus"
)

var (
	wcxbOnce sync.Once
	wcxbSet  *eval.Set
	wcxbErr  error
)

func loadWCXB(tb testing.TB) *eval.Set {
	tb.Helper()
	dir := corpus.Dir(tb, "extract/wcxb-dev")
	wcxbOnce.Do(func() { wcxbSet, wcxbErr = eval.LoadWCXB(dir) })
	if wcxbErr != nil {
		tb.Fatal(wcxbErr)
	}
	return wcxbSet
}

// BenchmarkExtract times each extractor over all wcxb-dev pages; one
// iteration is one pass over the set. Run it on one core, once per
// extractor:
//
//	GOMAXPROCS=1 go test -run '^$' -bench Extract -benchtime 1x
//
// The peers' pages are decoded to UTF-8 before the timer starts, as in
// cmd/peers. go-trafilatura runs first so that the others can report their
// speed as a multiple of its own ("x-trafilatura").
func BenchmarkExtract(b *testing.B) {
	set := loadWCXB(b)
	xs := Extractors()
	// go-trafilatura's two modes first, so that the others can report
	// their speed as a multiple of each.
	xs[0], xs[1], xs[2] = xs[1], xs[2], xs[0] // trafilatura, traf+fallback, dateline, readability
	base := map[string]float64{}              // peers' pages per CPU-second
	for _, x := range xs {
		b.Run(x.Name, func(b *testing.B) {
			inputs := make([][]byte, len(set.Pages))
			for i, p := range set.Pages {
				inputs[i] = p.HTML
				if x.Prepare != nil {
					inputs[i] = x.Prepare(p.HTML)
				}
			}
			runtime.GC()
			cpu0 := cpuTime()
			b.ResetTimer()
			for b.Loop() {
				for i, p := range set.Pages {
					x.Extract(inputs[i], p.URL)
				}
			}
			n := float64(b.N * len(set.Pages))
			b.ReportMetric(n/b.Elapsed().Seconds(), "pages/s")
			// The machine is shared: pages per CPU-second is what one
			// dedicated core does, and the ratios use it.
			cps := n / (cpuTime() - cpu0).Seconds()
			b.ReportMetric(cps, "pages/cpu-s")
			if strings.HasPrefix(x.Name, "traf") {
				base[x.Name] = cps
				return
			}
			for _, peer := range []string{"trafilatura", "traf+fallback"} {
				if base[peer] > 0 {
					b.ReportMetric(cps/base[peer], "x-"+peer)
				}
			}
		})
	}
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestPeers checks that the peers' adapters extract something on real
// pages, and that the go-trafilatura evaluation set is found and complete.
func TestPeers(t *testing.T) {
	set := *loadWCXB(t)
	set.Limit(10)
	for _, x := range Extractors()[1:] {
		run, err := set.Run(context.Background(), x)
		if err != nil {
			t.Fatal(err)
		}
		empty := 0
		for _, r := range run.Results {
			if strings.TrimSpace(r.Text) == "" {
				empty++
			}
		}
		if empty > 3 {
			t.Errorf("%s: %d of 10 pages without text (%d errors)", x.Name, empty, run.Errors)
		}
	}
}

func TestTrafilaturaSet(t *testing.T) {
	dir, err := TrafilaturaDir()
	if err != nil {
		t.Fatal(err)
	}
	set, err := eval.LoadTrafilatura(dir)
	if err != nil {
		t.Fatal(err)
	}
	withTitle := 0
	for _, p := range set.Pages {
		if p.Gold.Title != "" {
			withTitle++
		}
	}
	if len(set.Pages) != 983 || withTitle != 869 {
		t.Errorf("got %d pages, %d with a title, want 983 and 869", len(set.Pages), withTitle)
	}
}
