package ner

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"

	"github.com/datelinehq/dateline/wordcluster"
)

// The model file is gzip-compressed binary: a magic line, then the
// lexicon (clusters, casing forms, gazetteers) and the weights of each
// pass. Integers are uvarints; weights are int16 steps of one scale per
// pass, which loses nothing that matters to an argmax.

const modelMagic = "dateline-ner 3\n"

// ErrBadModel is returned when a model file cannot be read.
var ErrBadModel = errors.New("bad ner model")

// WriteModel writes the tagger's model.
func (t *Tagger) WriteModel(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	e := &encoder{w: bw}
	e.bytes([]byte(modelMagic))
	e.uint(uint64(numLabels))
	t.lx.encode(e)
	for _, m := range []*weights{t.first, t.second} {
		if m == nil {
			e.uint(0)
			continue
		}
		e.uint(1)
		m.encode(e)
	}
	if e.err != nil {
		return fmt.Errorf("write ner model: %w", e.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write ner model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write ner model: %w", err)
	}
	return nil
}

func (lx *lexicon) encode(e *encoder) {
	words := slices.Sorted(maps.Keys(lx.clusters))
	e.uint(uint64(len(words)))
	for _, w := range words {
		c := lx.clusters[w]
		e.str(w)
		e.uint(uint64(c.N))
		e.uint(c.Bits)
	}
	lowers := slices.Sorted(maps.Keys(lx.forms))
	e.uint(uint64(len(lowers)))
	for _, lw := range lowers {
		e.str(lw)
		if f := lx.forms[lw]; f == lw {
			e.str("")
		} else {
			e.str(f)
		}
	}
	for _, g := range lx.gaz {
		if g == nil {
			g = newGazetteer()
		}
		e.uint(uint64(g.maxLen))
		encodeHashMap(e, g.phrases, func(v uint8) { e.uint(uint64(v)) })
		encodeHashMap(e, g.words, func(v uint16) { e.uint(uint64(v)) })
		encodeHashMap(e, g.prefixes, nil)
	}
	encodeHashMap(e, lx.titles, nil)
}

// encodeHashMap writes a map keyed by hashes: its size, then the keys in
// order as deltas, each followed by its value when value is not nil.
func encodeHashMap[V any](e *encoder, m map[uint64]V, value func(V)) {
	keys := slices.Sorted(maps.Keys(m))
	e.uint(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		e.uint(k - prev)
		prev = k
		if value != nil {
			value(m[k])
		}
	}
}

// decodeHashMap reads what encodeHashMap wrote.
func decodeHashMap[V any](d *decoder, value func() V) map[uint64]V {
	m := map[uint64]V{}
	prev := uint64(0)
	for n := d.count(); n > 0 && d.err == nil; n-- {
		prev += d.uint()
		var v V
		if value != nil {
			v = value()
		}
		m[prev] = v
	}
	return m
}

func (m *weights) encode(e *encoder) {
	L := numLabels
	keys, q := m.rows()
	rows := make([]int, len(keys))
	for r := range rows {
		rows[r] = r
	}
	slices.SortFunc(rows, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
	e.uint(uint64(math.Float32bits(m.scale)))
	e.uint(uint64(len(rows)))
	prev := uint64(0)
	for _, r := range rows {
		e.uint(keys[r] - prev)
		prev = keys[r]
		for _, v := range q[r*L : r*L+L] {
			e.int(int64(v))
		}
	}
	e.uint(uint64(len(m.trans)))
	for _, v := range m.trans {
		e.uint(uint64(math.Float32bits(v)))
	}
}

// ReadModel reads a model written by WriteModel.
func ReadModel(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	defer zr.Close()
	d := &decoder{r: bufio.NewReader(zr)}
	if string(d.bytes(len(modelMagic))) != modelMagic {
		return nil, fmt.Errorf("%w: not a dateline ner model", ErrBadModel)
	}
	if d.uint() != uint64(numLabels) {
		return nil, fmt.Errorf("%w: label set differs", ErrBadModel)
	}
	t := &Tagger{lx: decodeLexicon(d)}
	for i := range 2 {
		if d.uint() == 0 {
			continue
		}
		m := decodeWeights(d)
		if i == 0 {
			t.first = m
		} else {
			t.second = m
		}
	}
	if d.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, d.err)
	}
	if t.first == nil {
		return nil, fmt.Errorf("%w: no weights", ErrBadModel)
	}
	t.known = newKnownWords(t.lx, [2]*weights{t.first, t.second})
	return t, nil
}

func decodeLexicon(d *decoder) *lexicon {
	lx := &lexicon{clusters: map[string]wordcluster.Path{}, forms: map[string]string{}}
	for n := d.count(); n > 0 && d.err == nil; n-- {
		w := d.str()
		c := wordcluster.Path{N: uint8(d.uint())}
		c.Bits = d.uint()
		lx.clusters[w] = c
	}
	for n := d.count(); n > 0 && d.err == nil; n-- {
		lw, f := d.str(), d.str()
		if f == "" {
			f = lw
		}
		lx.forms[lw] = f
	}
	for g := range lx.gaz {
		gz := &gazetteer{maxLen: int(d.uint())}
		gz.phrases = decodeHashMap(d, func() uint8 { return uint8(d.uint()) })
		gz.words = decodeHashMap(d, func() uint16 { return uint16(d.uint()) })
		gz.prefixes = decodeHashMap[bool](d, nil)
		for h := range gz.prefixes {
			gz.prefixes[h] = true
		}
		lx.gaz[g] = gz
	}
	lx.titles = decodeHashMap[bool](d, nil)
	for h := range lx.titles {
		lx.titles[h] = true
	}
	return lx
}

func decodeWeights(d *decoder) *weights {
	L := numLabels
	scale := math.Float32frombits(uint32(d.uint()))
	n := d.count()
	keys := make([]uint64, 0, n)
	q := make([]int16, 0, n*L)
	prev := uint64(0)
	for ; n > 0 && d.err == nil; n-- {
		delta := d.uint()
		if delta == 0 && len(keys) > 0 {
			d.fail(errors.New("repeated feature"))
		}
		prev += delta
		keys = append(keys, prev)
		for range L {
			v := d.int()
			if v < math.MinInt16 || v > math.MaxInt16 {
				d.fail(errors.New("weight out of range"))
			}
			q = append(q, int16(v))
		}
	}
	nt := d.count()
	if nt != (L+1)*(L+1) {
		d.fail(errors.New("transition table size"))
		return nil
	}
	trans := make([]float32, nt)
	for i := range trans {
		trans[i] = math.Float32frombits(uint32(d.uint()))
	}
	if d.err != nil {
		return nil
	}
	m := newQuantized(keys, q, scale, trans)
	// A read model only tags: the slots hold every key and row, and the
	// separate arrays would add a third to its memory.
	m.keys, m.q = nil, nil
	return m
}

type encoder struct {
	w   *bufio.Writer
	err error
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}
func (e *encoder) uint(v uint64) { e.bytes(e.buf[:binary.PutUvarint(e.buf[:], v)]) }
func (e *encoder) int(v int64)   { e.bytes(e.buf[:binary.PutVarint(e.buf[:], v)]) }
func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.bytes([]byte(s))
}

type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	d.fail(err)
	return v
}

func (d *decoder) int() int64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(d.r)
	d.fail(err)
	return v
}

// count reads a length and bounds it, so that a corrupt file cannot make
// the reader allocate without limit.
func (d *decoder) count() int {
	v := d.uint()
	if v > 1<<28 {
		d.fail(errors.New("length out of range"))
		return 0
	}
	return int(v)
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	b := make([]byte, n)
	_, err := io.ReadFull(d.r, b)
	d.fail(err)
	return b
}

func (d *decoder) str() string {
	n := d.count()
	if n > 1<<20 {
		d.fail(errors.New("string too long"))
		return ""
	}
	return string(d.bytes(n))
}
