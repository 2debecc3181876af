package extract

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/datelinehq/dateline/internal/corpus"
)

// BenchmarkPage extracts every WCXB dev page once per iteration and
// reports pages/s. The peers' numbers come from the bench module, which
// runs them on the same pages in the same process.
func BenchmarkPage(b *testing.B) {
	dir := corpus.Dir(b, "extract/wcxb-dev/html")
	files, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no pages in %s", dir)
	}
	pages := make([][]byte, 0, len(files))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, corpus.Gunzip(b, raw))
	}
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			Page(p, Options{})
		}
	}
	n := float64(b.N * len(pages))
	b.ReportMetric(n/b.Elapsed().Seconds(), "pages/s")
	// On a shared machine wall time includes waiting for the CPU; pages
	// per CPU-second is what one dedicated core would do.
	b.ReportMetric(n/(cpuTime()-cpu0).Seconds(), "pages/cpu-s")
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
