package quote

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/datelinehq/dateline/internal/corpus"
	"github.com/datelinehq/dateline/segment"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkFind runs quotes and attributions over the PolNeAR dev
// articles, segmented beforehand as the pipeline hands them over, and
// reports tokens per second of wall time and per CPU-second (the machine
// is shared, so the second is the steadier figure).
func BenchmarkFind(b *testing.B) {
	docs, err := LoadPolNeAR(filepath.Join(corpus.Dir(b, "quotes/polnear"), "dev"))
	if err != nil {
		b.Fatal(err)
	}
	m := loadModel(b)
	type in struct {
		sents []segment.Sentence
		text  []rune
	}
	var ins []in
	tokens := 0
	for _, d := range docs {
		s := segment.Split(string(d.Text))
		for _, x := range s {
			tokens += len(x.Tokens)
		}
		ins = append(ins, in{s, d.Text})
	}
	b.ResetTimer()
	cpu0, wall0 := cpuTime(), time.Now()
	for range b.N {
		for _, x := range ins {
			m.Find(x.text, x.sents, nil)
		}
	}
	cpu, wall := cpuTime()-cpu0, time.Since(wall0)
	n := float64(b.N * tokens)
	b.ReportMetric(n/wall.Seconds(), "tokens/s")
	b.ReportMetric(n/cpu.Seconds(), "tokens/cpu-s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*len(ins))/1000, "cpu-ms/article")
	b.ReportMetric(float64(tokens)/float64(len(ins)), "tokens/article")
}
