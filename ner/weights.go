package ner

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// weights is one linear model: a row of per-label weights for each known
// feature hash, and label transition weights. The feature weights are
// int16 steps of one scale, summed as integers: half the memory of
// float32 and as exact, since the model file stores them so anyway.
//
// keys and q hold the rows in row order while a model is trained and
// pruned; a model read from a file drops them (rows rebuilds them from
// the slots when it is written). The tagger reads slots, a hash table
// that holds each key whole with a copy of its row (48 bytes: key, row
// number, 17 weights).
// A lookup used to read a slot of fingerprint and row, then keys[row] to
// confirm, then q[row*numLabels:]: three dependent reads in tables of
// several MB, each a possible cache miss. Now it reads one slot, or a
// few side by side, at an address computed from the key alone, so emit
// can start the reads of all of a token's features before it needs any
// of them. The price is memory: two slots per key, 48 bytes each (about
// 13 MB for the shipped model's two passes, against 8 MB for the old
// layout).
//
// The table is open addressing with linear probing, filled once with the
// keys in ascending order (Amble and Knuth's ordered hash table). A key's
// home slot is the high 64 bits of key×n, which grows with the key, so
// the occupied slots are sorted by key, and a lookup stops at the first
// slot whose key is not below the one sought: a miss ends as soon as a
// hit would have, not at the next empty slot. An empty slot holds the
// largest key, row -1 and zero weights, so no real key is reserved (0 is
// an ordinary key, and the largest is told apart by its row). Keys that
// run past slot n-1 go on in extra slots instead of wrapping round, and
// an empty slot ends the table, so a probe needs no bound of its own.
type weights struct {
	slots []slot   // ordered hash table; see above
	n     uint64   // home slots: a key's home is ⌊key·n/2⁶⁴⌋
	keys  []uint64 // feature key of each row
	q     []int16  // rows x numLabels
	scale float32
	trans []float32 // (numLabels+1) x (numLabels+1); index numLabels is the sentence boundary
}

// A slot is a feature key, its row in keys and q, and that row's weights.
type slot struct {
	key uint64
	row int32 // -1 when empty
	q   [numLabels]int16
}

// emptySlot fills the slots that hold no key.
var emptySlot = slot{key: math.MaxUint64, row: -1}

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
	L := numLabels
	// The rows by key (a model file has them so already); of a repeated
	// key, which a model file cannot hold, the first row comes first and
	// is the one found.
	order := make([]int32, len(keys))
	for r := range order {
		order[r] = int32(r)
	}
	if !slices.IsSorted(keys) {
		slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(keys[a], keys[b]) })
	}
	// Half the home slots empty: at two thirds full the longer probes
	// cost more time than the smaller table saves.
	n := 2*uint64(len(keys)) + 1
	m := &weights{n: n, keys: keys, q: q, scale: scale, trans: trans}
	end := uint64(0) // one past the last slot taken
	for _, r := range order {
		end = max(end, m.home(keys[r])) + 1
	}
	m.slots = make([]slot, max(end, n)+1)
	for j := range m.slots {
		m.slots[j] = emptySlot
	}
	end = 0
	for _, r := range order {
		j := max(end, m.home(keys[r]))
		s := &m.slots[j]
		s.key, s.row = keys[r], r
		copy(s.q[:], q[int(r)*L:int(r)*L+L])
		end = j + 1
	}
	return m
}

// home returns the slot where a lookup of k starts, below n.
func (m *weights) home(k uint64) uint64 {
	h, _ := bits.Mul64(k, m.n)
	return h
}

// row returns the row of a feature, or -1.
func (m *weights) row(k uint64) int32 {
	j := m.home(k)
	for m.slots[j].key < k {
		j++
	}
	if s := &m.slots[j]; s.key == k {
		return s.row // -1 if k is the largest key and not in the table
	}
	return -1
}

// emitBatch is how many features emit looks up at once.
const emitBatch = 32

// emit's sums are written out for 17 labels.
const (
	_ uint = numLabels - 17
	_ uint = 17 - numLabels
)

// emit adds the weights of the features in keys to score.
func (m *weights) emit(keys []uint64, score []float32) {
	var acc [numLabels]int32
	m.sum(keys, &acc)
	m.scores(&acc, score)
}

// scores adds summed weights, scaled, to score. The sums are integers,
// so features may be summed in any order and in parts: the scores come
// out the same as long as each is scaled once, here.
func (m *weights) scores(acc *[numLabels]int32, score []float32) {
	for l, v := range acc {
		score[l] += float32(v) * m.scale
	}
}

// sum adds the quantized weights of the features in keys to sums.
func (m *weights) sum(keys []uint64, sums *[numLabels]int32) {
	acc := *sums
	var at [emitBatch]uint64
	for len(keys) > 0 {
		batch := keys[:min(len(keys), emitBatch)]
		keys = keys[len(batch):]
		// First read the home slot of every feature and the one after it,
		// and skip those with smaller keys. No read here waits on another,
		// nor on a branch, so the processor can have many in flight at once.
		for i, k := range batch {
			h := m.home(k)
			k0, k1 := m.slots[h].key, m.slots[h+1].key
			var d uint64
			if k0 < k {
				d = 1
				if k1 < k {
					d = 2
				}
			}
			at[i] = h + d
		}
		// Then finish the lookups, mostly in cache by now, and add.
		for i, k := range batch {
			j := at[i]
			for m.slots[j].key < k {
				j++
			}
			s := &m.slots[j]
			if s.key != k || s.row < 0 {
				continue
			}
			acc[0] += int32(s.q[0])
			acc[1] += int32(s.q[1])
			acc[2] += int32(s.q[2])
			acc[3] += int32(s.q[3])
			acc[4] += int32(s.q[4])
			acc[5] += int32(s.q[5])
			acc[6] += int32(s.q[6])
			acc[7] += int32(s.q[7])
			acc[8] += int32(s.q[8])
			acc[9] += int32(s.q[9])
			acc[10] += int32(s.q[10])
			acc[11] += int32(s.q[11])
			acc[12] += int32(s.q[12])
			acc[13] += int32(s.q[13])
			acc[14] += int32(s.q[14])
			acc[15] += int32(s.q[15])
			acc[16] += int32(s.q[16])
		}
	}
	*sums = acc
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

// rows returns the model's keys and their weights, row by row: keys and
// q where the model keeps them, else (a model read from a file, which
// only tags) rebuilt from the slots, in ascending key order, which is
// also the order of their row numbers.
func (m *weights) rows() (keys []uint64, q []int16) {
	if m.keys != nil {
		return m.keys, m.q
	}
	for i := range m.slots {
		if s := &m.slots[i]; s.row >= 0 {
			keys = append(keys, s.key)
			q = append(q, s.q[:]...)
		}
	}
	return keys, q
}

// prune drops the rows whose weights are all zero, which are many: a
// feature that never took part in an error keeps a zero row.
func (m *weights) prune() {
	L := numLabels
	var keys []uint64
	var q []int16
	mk, mq := m.rows()
	for r, k := range mk {
		row := mq[r*L : r*L+L]
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
