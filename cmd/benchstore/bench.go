package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/httpapi"
	"github.com/datelinehq/dateline/ingest"
	"github.com/datelinehq/dateline/sqlite"
)

// queries are twenty typical searches: common and rare words, phrases, OR,
// prefixes, exclusions, filters, and facets as the web UI asks for them.
var queries = []string{
	"q=ceasefire+Ukraine",
	"q=trump+clinton",
	"q=election",
	"q=debate&facets=1",
	"q=%22white+house%22",
	"q=police+shooting",
	"q=economy+jobs",
	"q=health+care&facets=1",
	"q=immigration+border",
	"q=iran+nuclear+deal",
	"q=syria+refugees",
	"q=supreme+court",
	"q=clinton+emails",
	"q=republican+OR+democrat",
	"q=tax*",
	"q=climate+change&facets=1",
	"q=sanders&site=Daily+Ledger",
	"q=campaign&from=2020-01-01&to=2021-12-31",
	"q=government+-shutdown",
	"q=president&facets=1",
}

func bench(ctx context.Context, c config, stdout, stderr io.Writer) error {
	if c.db == "" {
		dir, err := os.MkdirTemp("", "benchstore-")
		if err != nil {
			return err
		}
		if !c.keep {
			defer os.RemoveAll(dir)
		}
		c.db = filepath.Join(dir, "bench.db")
	}
	var ing, ingCPU time.Duration
	if !c.reuse {
		cpu0 := cpuTime()
		d, err := ingestCorpus(ctx, c, stderr)
		if err != nil {
			return err
		}
		ing, ingCPU = d, cpuTime()-cpu0
	}
	size := fileSize(c.db) + fileSize(c.db+"-wal")

	// Serve from a freshly opened store, as `dateline serve` would.
	runtime.GC()
	debug.FreeOSMemory()
	store, err := sqlite.Open(ctx, c.db)
	if err != nil {
		return err
	}
	defer store.Close()
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: httpapi.New(httpapi.Options{Store: store})}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	load0, cpu0 := loadAverage(), cpuTime()
	lat, err := measure(ctx, base, c.rounds, stderr)
	if err != nil {
		return err
	}
	searchCPU, load1 := cpuTime()-cpu0, loadAverage()
	mem := memory()

	p50, p99 := percentile(lat, 50), percentile(lat, 99)
	fmt.Fprintf(stdout, "articles ingested   %d (%d stored, %d copies, %d entities, %d quotes)\n", c.n, st.Articles, st.Copies, st.Entities, st.Quotes)
	if ing > 0 {
		fmt.Fprintf(stdout, "ingest rate         %.0f articles/s (%s; analysis stand-in %v, fingerprint, store), CPU %.1f ms per article\n",
			float64(c.n)/ing.Seconds(), ing.Round(time.Millisecond), c.entities, ms(ingCPU)/float64(c.n))
	}
	fmt.Fprintf(stdout, "database size       %.1f MB, %.1f KB per article\n", float64(size)/1e6, float64(size)/float64(c.n)/1e3)
	fmt.Fprintf(stdout, "search latency      p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests: 20 queries x %d rounds, HTTP on loopback)\n",
		ms(p50), ms(p99), ms(lat[len(lat)-1]), len(lat), c.rounds)
	// Wall times depend on what else the machine runs; CPU time less so.
	fmt.Fprintf(stdout, "search CPU          %.1f ms per request (server and client; 1-minute load average %s before, %s after, %d CPUs)\n",
		ms(searchCPU)/float64(len(lat)+len(queries)), load0, load1, runtime.NumCPU())
	fmt.Fprintf(stdout, "memory serving      RSS %.0f MB (peak of process %.0f MB), Go heap in use %.0f MB, Go runtime total %.0f MB\n",
		mem.rss/1e6, mem.hwm/1e6, float64(mem.heap)/1e6, float64(mem.sys)/1e6)
	if ms(p99) > c.maxP99Ms {
		return fmt.Errorf("p99 %.1f ms over the %.0f ms target", ms(p99), c.maxP99Ms)
	}
	return nil
}

// ingestCorpus loads the corpus and ingests c.n synthetic articles into
// c.db, closing the store so its WAL is checkpointed into the file.
func ingestCorpus(ctx context.Context, c config, stderr io.Writer) (time.Duration, error) {
	t0 := time.Now()
	b, err := load(ctx, c.sources)
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(stderr, "loaded %d corpus articles (%d paragraphs) in %s\n", len(b.articles), len(b.paras), time.Since(t0).Round(time.Millisecond))
	store, err := sqlite.Open(ctx, c.db)
	if err != nil {
		return 0, err
	}
	analyze := ingest.NoAnalysis
	if c.entities {
		analyze = standIn
	}
	ing, err := ingestAll(ctx, store, b, c.n, analyze, stderr)
	return ing, errors.Join(err, store.Close())
}

// ingestAll makes and stores n articles: workers synthesise, analyse and
// fingerprint; one goroutine saves in batches, as ingest.Pipeline does.
func ingestAll(ctx context.Context, store dateline.Store, b *base, n int, analyze ingest.Analyzer, stderr io.Writer) (time.Duration, error) {
	p := ingest.New(ingest.Options{Store: store, Analyze: analyze})
	docs := make(chan *dateline.Document, 64)
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	next := make(chan int)
	go func() {
		defer close(next)
		for i := 0; i < n; i++ {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				rng := rand.New(rand.NewPCG(uint64(i), 7))
				docs <- p.Document(b.synth(i, rng))
			}
		}()
	}
	go func() { wg.Wait(); close(docs) }()
	start, shown := time.Now(), time.Now()
	done := 0
	for d := range docs {
		// Save what is ready in one transaction, as ingest.Pipeline does.
		batch := []*dateline.Document{d}
	fill:
		for len(batch) < ingest.MaxBatch {
			select {
			case more, ok := <-docs:
				if !ok {
					break fill
				}
				batch = append(batch, more)
			default:
				break fill
			}
		}
		if _, err := store.PutBatch(ctx, batch); err != nil {
			return 0, err
		}
		done += len(batch)
		if time.Since(shown) > 5*time.Second {
			shown = time.Now()
			fmt.Fprintf(stderr, "ingested %d/%d (%.0f/s)\n", done, n, float64(done)/time.Since(start).Seconds())
		}
	}
	return time.Since(start), ctx.Err()
}

// measure runs the queries in rounds, one at a time after a warm-up
// round, and returns the sorted latencies.
func measure(ctx context.Context, base string, rounds int, stderr io.Writer) ([]time.Duration, error) {
	client := &http.Client{Timeout: 30 * time.Second}
	var lat []time.Duration
	slowest := map[string]time.Duration{}
	for r := -1; r < rounds; r++ {
		for _, q := range queries {
			req, err := http.NewRequestWithContext(ctx, "GET", base+"/api/search?"+q, nil)
			if err != nil {
				return nil, err
			}
			t := time.Now()
			resp, err := client.Do(req)
			if err != nil {
				return nil, err
			}
			_, err = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			d := time.Since(t)
			if err != nil || resp.StatusCode != 200 {
				return nil, fmt.Errorf("search %s: %d %v", q, resp.StatusCode, err)
			}
			if r >= 0 {
				lat = append(lat, d)
				slowest[q] = max(slowest[q], d)
			}
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	for _, q := range queries {
		fmt.Fprintf(stderr, "  slowest %7.1f ms  %s\n", ms(slowest[q]), q)
	}
	return lat, nil
}

func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[min(max(i-1, 0), len(sorted)-1)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

type mem struct {
	rss, hwm  float64
	heap, sys uint64
}

// memory reads the process's resident size from /proc (SQLite's page
// cache lives outside the Go heap) and the Go runtime's own counts.
func memory() mem {
	var m mem
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.heap, m.sys = ms.HeapInuse, ms.Sys
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return m
	}
	for _, line := range strings.Split(string(data), "\n") {
		var kb float64
		if _, err := fmt.Sscanf(line, "VmRSS: %f kB", &kb); err == nil {
			m.rss = kb * 1e3
		}
		if _, err := fmt.Sscanf(line, "VmHWM: %f kB", &kb); err == nil {
			m.hwm = kb * 1e3
		}
	}
	return m
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loadAverage is the machine's 1-minute load average, "?" where unknown.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}
