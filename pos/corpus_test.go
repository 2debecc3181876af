package pos

import (
	"bufio"
	"os"
	"path/filepath"
	"testing"

	"github.com/datelinehq/dateline/internal/corpus"
	"github.com/datelinehq/dateline/ner"
)

// readDocs reads a CoNLL file of the shared corpus's ner directory as
// documents of tagged sentences, or skips when the corpus is absent.
func readDocs(tb testing.TB, name string) [][]Sentence {
	f, err := os.Open(filepath.Join(corpus.Dir(tb, "ner"), name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(bufio.NewReader(f), 1)
	if err != nil {
		tb.Fatal(err)
	}
	out := make([][]Sentence, len(docs))
	for i, d := range docs {
		for _, s := range d {
			tags := make([]Tag, len(s.Tags))
			for k, p := range s.Tags {
				tags[k] = FromPenn(p)
			}
			out[i] = append(out[i], Sentence{Words: s.Tokens, Tags: tags})
		}
	}
	return out
}
