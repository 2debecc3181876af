package quote

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"
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
	if got, want := gunzip(t, buf.Bytes()), gunzip(t, modelData); !bytes.Equal(got, want) {
		t.Fatalf("rewritten model differs: %d bytes, want %d", len(got), len(want))
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
