package bench

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/datelinehq/dateline/internal/corpus"
	"github.com/datelinehq/dateline/ner"
)

// loadTesta reads CoNLL-2003 eng.testa (the dev set) with its gold tags.
func loadTesta(tb testing.TB) []ner.Document {
	tb.Helper()
	f, err := os.Open(filepath.Join(corpus.Dir(tb, "ner/conll2003"), "eng.testa"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f, -1)
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

// proseTags tags one document with prose v2, in one call (prose loads
// its model on every NewDocument): the tokens are joined with spaces and
// the sentences with newlines, prose tokenizes and labels that text, and
// each of our tokens takes the label of the prose token that starts
// inside it. prose's types map to CoNLL's: PERSON → PER, GPE → LOC,
// ORG → ORG, anything else MISC.
func proseTags(doc ner.Document) [][]string {
	var b strings.Builder
	type at struct{ sent, tok int }
	var starts []int
	var where []at
	out := make([][]string, len(doc))
	for i, s := range doc {
		out[i] = make([]string, len(s.Tokens))
		for j, t := range s.Tokens {
			out[i][j] = "O"
			starts = append(starts, b.Len())
			where = append(where, at{i, j})
			b.WriteString(t)
			b.WriteByte(' ')
		}
		b.WriteByte('\n')
	}
	text := b.String()
	pd, err := prose.NewDocument(text, prose.WithSegmentation(false))
	if err != nil {
		return out
	}
	cur, k := 0, 0
	for _, pt := range pd.Tokens() {
		i := strings.Index(text[cur:], pt.Text)
		if i < 0 {
			continue
		}
		pos := cur + i
		cur = pos + len(pt.Text)
		for k+1 < len(starts) && starts[k+1] <= pos {
			k++
		}
		w := where[k]
		if pt.Label == "" || pt.Label == "O" || out[w.sent][w.tok] != "O" {
			continue
		}
		prefix, typ, _ := strings.Cut(pt.Label, "-")
		switch typ {
		case "PERSON":
			typ = "PER"
		case "GPE", "LOC":
			typ = "LOC"
		case "ORG":
		default:
			typ = "MISC"
		}
		out[w.sent][w.tok] = prefix + "-" + typ
	}
	return out
}

// BenchmarkNER tags eng.testa with dateline's tagger and with prose v2
// (the pure-Go peer) in the same process, and reports each one's
// conlleval-style phrase F1 and tokens per CPU-second:
//
//	GOMAXPROCS=1 go test -run '^$' -bench NER -benchtime 1x
func BenchmarkNER(b *testing.B) {
	docs := loadTesta(b)
	tagger, err := ner.Load()
	if err != nil {
		b.Fatal(err)
	}
	taggers := []struct {
		name string
		tag  func(ner.Document) [][]string
	}{
		{"dateline", func(d ner.Document) [][]string {
			sents := make([][]string, len(d))
			for i, s := range d {
				sents[i] = s.Tokens
			}
			return tagger.TagDocument(sents)
		}},
		{"prose", proseTags},
	}
	for _, tg := range taggers {
		b.Run(tg.name, func(b *testing.B) {
			var score *ner.Score
			tokens := 0
			cpu0 := cpuTime()
			for b.Loop() {
				score, tokens = ner.NewScore(), 0
				for _, d := range docs {
					pred := tg.tag(d)
					for i, s := range d {
						score.Add(s.Tags, pred[i])
						tokens += len(s.Tokens)
					}
				}
			}
			_, _, f := score.PRF("")
			b.ReportMetric(f, "F1")
			b.ReportMetric(float64(tokens*b.N)/(cpuTime()-cpu0).Seconds(), "tokens/cpu-s")
		})
	}
}
