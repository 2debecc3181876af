package pos

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

//go:embed model.bin.gz
var modelData []byte

// Load returns the tagger shipped in the package. Load once and share:
// a Tagger is safe for concurrent use.
func Load() (*Tagger, error) {
	return ReadModel(bytes.NewReader(modelData))
}

// magic opens a stored tagger; its last byte is the format's version.
const magic = "dateline-pos\x01"

// quantum: weights are stored in units of 1/quantum, as int16. Rows
// whose weights all round to zero are dropped.
const quantum = 64

// WriteModel stores the tagger, gzipped, rows in the order of their
// keys: the same tagger gives the same bytes.
func (t *Tagger) WriteModel(w io.Writer) error {
	keys := make([]uint64, 0, len(t.rows))
	for k, r := range t.rows {
		if slices.ContainsFunc(t.w[int(r)*int(numTags):int(r+1)*int(numTags)], func(x float32) bool { return quant(x) != 0 }) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	binary.Write(bw, binary.LittleEndian, [2]uint32{uint32(numTags), uint32(len(keys))})
	for _, k := range keys {
		binary.Write(bw, binary.LittleEndian, k)
	}
	for _, k := range keys {
		r := int(t.rows[k])
		for _, x := range t.w[r*int(numTags) : (r+1)*int(numTags)] {
			binary.Write(bw, binary.LittleEndian, quant(x))
		}
	}
	binary.Write(bw, binary.LittleEndian, uint32(len(t.vocab)))
	for _, v := range t.vocab {
		bw.Write(binary.AppendUvarint(nil, uint64(len(v))))
		bw.WriteString(v)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write pos model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write pos model: %w", err)
	}
	return nil
}

func quant(x float32) int16 {
	return int16(max(-32767, min(32767, math.Round(float64(x)*quantum))))
}

// maxRows bounds what a stored model may claim, so a corrupt file is an
// error rather than a huge allocation.
const maxRows = 1 << 21

// ReadModel reads a tagger written by WriteModel.
func ReadModel(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read pos model: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("read pos model: not a dateline tagger of this version")
	}
	var size [2]uint32
	if err := binary.Read(br, binary.LittleEndian, &size); err != nil {
		return nil, fmt.Errorf("read pos model: %w", err)
	}
	if size[0] != uint32(numTags) || size[1] > maxRows {
		return nil, fmt.Errorf("read pos model: %d tags and %d rows, want %d tags and at most %d rows", size[0], size[1], numTags, maxRows)
	}
	keys := make([]uint64, size[1])
	if err := binary.Read(br, binary.LittleEndian, keys); err != nil {
		return nil, fmt.Errorf("read pos model: %w", err)
	}
	q := make([]int16, len(keys)*int(numTags))
	if err := binary.Read(br, binary.LittleEndian, q); err != nil {
		return nil, fmt.Errorf("read pos model: %w", err)
	}
	t := &Tagger{rows: make(map[uint64]int32, len(keys)), w: make([]float32, len(q))}
	for i, k := range keys {
		t.rows[k] = int32(i)
	}
	for i, x := range q {
		t.w[i] = float32(x) / quantum
	}
	if t.vocab, err = readVocab(br); err != nil {
		return nil, fmt.Errorf("read pos model: %w", err)
	}
	t.prepare()
	return t, nil
}

// maxWord bounds a vocabulary word's length in bytes.
const maxWord = 1 << 10

func readVocab(br *bufio.Reader) ([]string, error) {
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("vocabulary: %w", err)
	}
	if n > maxRows {
		return nil, fmt.Errorf("vocabulary of %d words, want at most %d", n, maxRows)
	}
	out := make([]string, 0, min(n, 1<<16))
	for range n {
		size, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("vocabulary: %w", err)
		}
		if size > maxWord {
			return nil, fmt.Errorf("vocabulary word of %d bytes, want at most %d", size, maxWord)
		}
		b := make([]byte, size)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("vocabulary: %w", err)
		}
		out = append(out, string(b))
	}
	return out, nil
}
