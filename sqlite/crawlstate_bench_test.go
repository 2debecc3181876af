package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline/crawl"
	"github.com/datelinehq/dateline/sqlite"
)

// BenchmarkCrawlStatePage measures what the crawl asks of the state for
// one page: its share of a feed's Add (batches of 50), a Seen of its
// alias, a See and a Done. On the shared 2-core development machine:
//
//	go test -run '^$' -bench CrawlStatePage -benchtime 20000x ./sqlite
//	BenchmarkCrawlStatePage-2  20000  226862 ns/op  4408 pages/s
//
// two and a half times the 1,748 pages/s the site-farm benchmark of package
// crawl reaches at its politeness limits (100 hosts at 20 requests/s), so
// keeping the state in the database does not slow a crawl.
func BenchmarkCrawlStatePage(b *testing.B) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	st := s.CrawlState()
	const batch = 50
	i := 0
	for b.Loop() {
		if i%batch == 0 {
			items := make([]crawl.Item, batch)
			for j := range items {
				items[j] = crawl.Item{URL: fmt.Sprintf("https://h%d.example/news/%d", (i+j)%100, i+j), Feed: "https://h.example/feed"}
			}
			if _, err := st.Add(ctx, items); err != nil {
				b.Fatal(err)
			}
		}
		u := fmt.Sprintf("https://h%d.example/news/%d", i%100, i)
		if _, err := st.Seen(ctx, u+"?canonical"); err != nil {
			b.Fatal(err)
		}
		if _, err := st.See(ctx, u+"?canonical"); err != nil {
			b.Fatal(err)
		}
		if err := st.Done(ctx, u); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
