package bench

import (
	"bufio"
	"os"
	"testing"
)

// TestProseCoNLL writes eng.testa with prose's tags as a last column to
// $PROSE_CONLL_OUT, for scoring with conlleval.pl. It runs only when that
// variable names a file (it takes about a minute).
func TestProseCoNLL(t *testing.T) {
	path := os.Getenv("PROSE_CONLL_OUT")
	if path == "" {
		t.Skip("set PROSE_CONLL_OUT to write prose's tags for conlleval.pl")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	for _, d := range loadTesta(t) {
		pred := proseTags(d)
		for i, s := range d {
			for j, tok := range s.Tokens {
				w.WriteString(tok + " " + s.Tags[j] + " " + pred[i][j] + "\n")
			}
			w.WriteString("\n")
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}
