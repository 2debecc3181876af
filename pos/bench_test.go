package pos

import (
	"testing"
)

// BenchmarkTag tags CoNLL-2003's eng.testa (Reuters news), document by
// document, as the quote stage tags an article, and reports tokens per
// CPU-second.
func BenchmarkTag(b *testing.B) {
	docs := readDocs(b, "conll2003/eng.testa")
	t, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	type doc struct {
		words []string
		first []bool
	}
	var ds []doc
	tokens := 0
	for _, d := range docs {
		var x doc
		for _, s := range d {
			for i, w := range s.Words {
				x.words = append(x.words, w)
				x.first = append(x.first, i == 0)
			}
		}
		tokens += len(x.words)
		ds = append(ds, x)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, d := range ds {
			t.Tag(d.words, d.first)
		}
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
