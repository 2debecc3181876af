package ner

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestWeightsLookup checks row and emit against a map, on keys chosen to
// hit the edges of the table: key 0 and the largest key (the value an
// empty slot holds), keys sharing their low bits, keys sharing a home
// slot, a run of keys that spills past the last home slot, a repeated
// key (the first row wins, as in a map filled in row order), and keys
// given out of order.
func TestWeightsLookup(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var edge []uint64
	edge = append(edge, 0, 1, math.MaxUint64, math.MaxUint64-1, 1<<63)
	for i := range uint64(8) {
		edge = append(edge, i<<40|0x5a5a5) // the same low 40 bits
	}
	for i := range uint64(8) {
		edge = append(edge, 0x1234<<48|i) // the same home in any small table
	}
	for i := range uint64(20) {
		edge = append(edge, math.MaxUint64-2-i*3) // past the last home slot
	}
	var random []uint64
	for range 500 {
		random = append(random, rng.Uint64())
	}
	cases := map[string][]uint64{
		"none":      nil,
		"zero":      {0},
		"max":       {math.MaxUint64},
		"edges":     edge,
		"random":    random,
		"shuffled":  shuffled(rng, append(slices.Clone(edge), random...)),
		"sorted":    slices.Sorted(slices.Values(append(slices.Clone(edge), random...))),
		"repeated":  {7, 3, 7, 0, 3, 0},
		"dense low": {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
	}
	for name, keys := range cases {
		t.Run(name, func(t *testing.T) {
			L := numLabels
			q := make([]int16, len(keys)*L)
			for i := range q {
				q[i] = int16(rng.IntN(65536) - 32768)
			}
			scale := float32(0.001)
			m := newQuantized(keys, q, scale, make([]float32, (L+1)*(L+1)))
			ref := map[uint64]int32{}
			for r, k := range keys {
				if _, ok := ref[k]; !ok {
					ref[k] = int32(r)
				}
			}
			// Every key, its neighbours, the edge keys and random ones,
			// present or not.
			var probe []uint64
			for _, k := range append(slices.Clone(keys), edge...) {
				probe = append(probe, k, k-1, k+1, k^1<<40)
			}
			for range 200 {
				probe = append(probe, rng.Uint64())
			}
			for _, k := range probe {
				want, ok := ref[k]
				if !ok {
					want = -1
				}
				if got := m.row(k); got != want {
					t.Errorf("row(%#x) = %d, want %d", k, got, want)
				}
			}
			// emit, on runs of the probe keys, from a score not zero.
			for i := 0; i < len(probe); i += 7 {
				ks := probe[i:min(i+13, len(probe))]
				var acc [numLabels]int32
				for _, k := range ks {
					if r, ok := ref[k]; ok {
						for l := range L {
							acc[l] += int32(q[int(r)*L+l])
						}
					}
				}
				want := make([]float32, L)
				got := make([]float32, L)
				for l := range L {
					want[l] = float32(l) / 3
					got[l] = want[l]
					want[l] += float32(acc[l]) * scale
				}
				m.emit(ks, got)
				for l := range L {
					if math.Float32bits(got[l]) != math.Float32bits(want[l]) {
						t.Fatalf("emit(%#x): label %d = %v, want %v", ks, l, got[l], want[l])
					}
				}
			}
		})
	}
}

func shuffled(rng *rand.Rand, s []uint64) []uint64 {
	rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	return s
}
