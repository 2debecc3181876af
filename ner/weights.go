package ner

import "math"

// weights is one linear model: a row of per-label weights for each known
// feature hash, and label transition weights. The feature weights are
// int16 steps of one scale, summed as integers: half the memory of
// float32 and as exact, since the model file stores them so anyway.
// Lookups go through an open-addressing table of 8-byte slots, which
// is faster than a Go map here.
type weights struct {
	slots []slot // hash table; fingerprint 0 is empty
	mask  uint64
	keys  []uint64 // feature key of each row
	q     []int16  // rows x numLabels
	scale float32
	trans []float32 // (numLabels+1) x (numLabels+1); index numLabels is the sentence boundary
}

// A slot holds the high half of a key, never 0, and its row. A match
// is confirmed against keys[row].
type slot struct {
	fp  uint32
	row int32
}

func fingerprint(k uint64) uint32 { return uint32(k>>32) | 1 }

// newWeights quantizes float weights (row r of w belongs to keys[r]).
func newWeights(keys []uint64, w, trans []float32) *weights {
	maxAbs := float32(0)
	for _, v := range w {
		maxAbs = max(maxAbs, v, -v)
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	q := make([]int16, len(w))
	for i, v := range w {
		q[i] = int16(math.Round(float64(v / scale)))
	}
	return newQuantized(keys, q, scale, trans)
}

// newQuantized builds the lookup table of a quantized model.
func newQuantized(keys []uint64, q []int16, scale float32, trans []float32) *weights {
	size := 1
	for size < len(keys)+len(keys)/2+1 {
		size <<= 1
	}
	m := &weights{slots: make([]slot, size), mask: uint64(size - 1), keys: keys, q: q, scale: scale, trans: trans}
	for r, k := range keys {
		j := k & m.mask
		for m.slots[j].fp != 0 {
			j = (j + 1) & m.mask
		}
		m.slots[j] = slot{fingerprint(k), int32(r)}
	}
	return m
}

// row returns the row of a feature, or -1.
func (m *weights) row(k uint64) int32 {
	fp := fingerprint(k)
	for j := k & m.mask; ; j = (j + 1) & m.mask {
		s := m.slots[j]
		if s.fp == 0 {
			return -1
		}
		if s.fp == fp && m.keys[s.row] == k {
			return s.row
		}
	}
}

// emit adds the weights of the features in keys to score.
func (m *weights) emit(keys []uint64, score []float32) {
	var acc [numLabels]int32
	for _, k := range keys {
		r := m.row(k)
		if r < 0 {
			continue
		}
		row := m.q[int(r)*numLabels : int(r)*numLabels+numLabels]
		for l := range acc {
			acc[l] += int32(row[l])
		}
	}
	for l, v := range acc {
		score[l] += float32(v) * m.scale
	}
}

// viterbi returns the best label sequence for emission scores em (n rows
// of numLabels) under the transition weights and the BILOU constraints.
// It runs in time linear in n; back is scratch of n*numLabels.
func viterbi(em []float32, n int, trans []float32, out []int, back []int32) []int {
	return viterbiWith(predecessors, em, n, trans, out, back)
}

// viterbiWith is viterbi with the allowed transitions given as the labels
// that may precede each label.
func viterbiWith(predecessors [][]int32, em []float32, n int, trans []float32, out []int, back []int32) []int {
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
var predecessors = predecessorTable(false)

// taggingPredecessors also rules out two entities of one type side by
// side when tagging (not when training, where eng.train has them): they
// are rare (0.3% of eng.train's entities, 4 of eng.testa's 5,942) and
// far more often one name split by mistake ("Joint Base |
// Elmendorf-Richardson").
var taggingPredecessors = predecessorTable(true)

func predecessorTable(noAdjacent bool) [][]int32 {
	p := make([][]int32, numLabels)
	for b := range numLabels {
		for a := range numLabels {
			if !allowed(a, b) {
				continue
			}
			if noAdjacent && a > 0 && b > 0 && labelType(a) == labelType(b) && (labelPart(b) == partB || labelPart(b) == partU) {
				continue
			}
			p[b] = append(p[b], int32(a))
		}
	}
	return p
}

// prune drops the rows whose weights are all zero, which are many: a
// feature that never took part in an error keeps a zero row.
func (m *weights) prune() {
	L := numLabels
	var keys []uint64
	var q []int16
	for r, k := range m.keys {
		row := m.q[r*L : r*L+L]
		for _, v := range row {
			if v != 0 {
				keys = append(keys, k)
				q = append(q, row...)
				break
			}
		}
	}
	*m = *newQuantized(keys, q, m.scale, m.trans)
}
