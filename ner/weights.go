package ner

import "math"

// weights is one linear model: a row of per-label weights for each known
// feature hash, and label transition weights. Lookups go through an
// open-addressing table, which is faster than a Go map here.
type weights struct {
	slots []slot // hash table; key 0 is empty
	mask  uint64
	w     []float32 // rows x numLabels
	trans []float32 // (numLabels+1) x (numLabels+1); index numLabels is the sentence boundary
}

// newWeights builds the table for the given feature keys; row r of w
// belongs to keys[r].
func newWeights(keys []uint64, w, trans []float32) *weights {
	size := 1
	for size < 2*len(keys)+1 {
		size <<= 1
	}
	m := &weights{slots: make([]slot, size), mask: uint64(size - 1), w: w, trans: trans}
	for r, k := range keys {
		k = nonZero(k)
		j := k & m.mask
		for m.slots[j].key != 0 {
			j = (j + 1) & m.mask
		}
		m.slots[j] = slot{k, int32(r)}
	}
	return m
}

// A slot holds a key beside its row, so that a probe touches one cache
// line.
type slot struct {
	key uint64
	row int32
}

func nonZero(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

// row returns the row of a feature, or -1.
func (m *weights) row(k uint64) int32 {
	k = nonZero(k)
	for j := k & m.mask; ; j = (j + 1) & m.mask {
		switch s := m.slots[j]; s.key {
		case k:
			return s.row
		case 0:
			return -1
		}
	}
}

// emit adds the weights of the features in keys to score.
func (m *weights) emit(keys []uint64, score []float32) {
	L := numLabels
	for _, k := range keys {
		r := m.row(k)
		if r < 0 {
			continue
		}
		row := m.w[int(r)*L : int(r)*L+L]
		for l, v := range row {
			score[l] += v
		}
	}
}

// viterbi returns the best label sequence for emission scores em (n rows
// of numLabels) under the transition weights and the BILOU constraints.
// It runs in time linear in n; back is scratch of n*numLabels.
func viterbi(em []float32, n int, trans []float32, out []int, back []int32) []int {
	L := numLabels
	out = out[:0]
	if n == 0 {
		return out
	}
	negInf := float32(math.Inf(-1))
	cur := make([]float32, L)
	next := make([]float32, L)
	for b := 0; b < L; b++ {
		if allowed(-1, b) {
			cur[b] = em[b] + trans[L*(L+1)+b]
		} else {
			cur[b] = negInf
		}
	}
	for i := 1; i < n; i++ {
		for b := 0; b < L; b++ {
			best, arg := negInf, int32(0)
			for _, a := range predecessors[b] {
				if v := cur[a] + trans[int(a)*(L+1)+b]; v > best {
					best, arg = v, a
				}
			}
			next[b] = best + em[i*L+b]
			back[i*L+b] = arg
		}
		cur, next = next, cur
	}
	best, arg := negInf, 0
	for a := 0; a < L; a++ {
		if !allowed(a, -1) || cur[a] == negInf {
			continue
		}
		if v := cur[a] + trans[a*(L+1)+L]; v > best {
			best, arg = v, a
		}
	}
	out = append(out, make([]int, n)...)
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i*L+out[i]])
	}
	return out
}

// predecessors lists, for each label, the labels that may precede it:
// the BILOU constraints leave about a third of the pairs.
var predecessors = func() [][]int32 {
	p := make([][]int32, numLabels)
	for b := range numLabels {
		for a := range numLabels {
			if allowed(a, b) {
				p[b] = append(p[b], int32(a))
			}
		}
	}
	return p
}()

// prune drops the rows whose weights are all zero, which are many: a
// feature that never took part in an error keeps a zero row.
func (m *weights) prune() {
	L := numLabels
	var keys []uint64
	var w []float32
	for _, s := range m.slots {
		k := s.key
		if k == 0 {
			continue
		}
		r := int(s.row)
		row := m.w[r*L : r*L+L]
		zero := true
		for _, v := range row {
			if v != 0 {
				zero = false
				break
			}
		}
		if !zero {
			keys = append(keys, k)
			w = append(w, row...)
		}
	}
	*m = *newWeights(keys, w, m.trans)
}

// quantize rounds the weights to the int16 steps the model file stores,
// so that a freshly trained tagger tags exactly as its saved model will.
func (m *weights) quantize() float32 {
	maxAbs := float32(0)
	for _, v := range m.w {
		maxAbs = max(maxAbs, v, -v)
	}
	scale := maxAbs / 32767
	if scale == 0 {
		return 1
	}
	for i, v := range m.w {
		m.w[i] = float32(math.Round(float64(v/scale))) * scale
	}
	return scale
}
