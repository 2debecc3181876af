package quote

import (
	"bytes"
	"testing"

	"github.com/datelinehq/dateline/internal/corpus"
)

// TestModelRoundTrip writes the shipped model back out: a read model
// keeps only its lookup table, and the weights written from that table
// must be the ones read.
func TestModelRoundTrip(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.WriteModel(&buf); err != nil {
		t.Fatal(err)
	}
	if got, want := corpus.Gunzip(t, buf.Bytes()), corpus.Gunzip(t, modelData); !bytes.Equal(got, want) {
		t.Fatalf("rewritten model differs: %d bytes, want %d", len(got), len(want))
	}
}
