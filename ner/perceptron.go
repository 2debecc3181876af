package ner

import (
	"math/rand/v2"
)

// The learner is the averaged structured perceptron (Collins 2002,
// "Discriminative training methods for hidden Markov models"), with the
// averaging trick of Daumé III (2006): keep w and u = Σ c·update, and
// the average is w − u/c.

// trainSet is a labelled set with features already turned into rows.
type trainSet struct {
	feats  [][]int32 // per sentence, the rows of all its tokens' features
	offs   [][]int32 // per sentence, token i's rows are feats[offs[i]:offs[i+1]]
	labels [][]int
}

// dictionary assigns rows to feature keys while a training set is built.
type dictionary struct {
	index map[uint64]int32
	keys  []uint64
}

func newDictionary() *dictionary { return &dictionary{index: map[uint64]int32{}} }

func (d *dictionary) row(k uint64) int32 {
	if r, ok := d.index[k]; ok {
		return r
	}
	r := int32(len(d.keys))
	d.index[k] = r
	d.keys = append(d.keys, k)
	return r
}

// add appends one sentence: its tokens' feature keys and gold labels.
func (ts *trainSet) add(d *dictionary, keys [][]uint64, labels []int) {
	var f []int32
	off := make([]int32, 0, len(keys)+1)
	for _, ks := range keys {
		off = append(off, int32(len(f)))
		for _, k := range ks {
			f = append(f, d.row(k))
		}
	}
	off = append(off, int32(len(f)))
	ts.feats = append(ts.feats, f)
	ts.offs = append(ts.offs, off)
	ts.labels = append(ts.labels, labels)
}

// train runs the averaged perceptron for epochs passes over ts in an
// order shuffled with seed, and returns the averaged weights.
func train(ts *trainSet, d *dictionary, epochs int, seed uint64) *weights {
	L := numLabels
	T := (L + 1) * (L + 1)
	nrows := len(d.keys)
	w := make([]float32, nrows*L)
	u := make([]float64, nrows*L)
	tw := make([]float32, T)
	tu := make([]float64, T)
	order := make([]int, len(ts.feats))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x6e6572))
	c := 1.0
	var em []float32
	var back []int32
	var pred []int
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, s := range order {
			gold := ts.labels[s]
			n := len(gold)
			em = growF(em, n*L)
			back = growI(back, n*L)
			f, off := ts.feats[s], ts.offs[s]
			for i := range n {
				sc := em[i*L : i*L+L]
				for _, r := range f[off[i]:off[i+1]] {
					row := w[int(r)*L : int(r)*L+L]
					for l, v := range row {
						sc[l] += v
					}
				}
			}
			pred = viterbi(em, n, tw, pred, back)
			prevG, prevP := L, L
			for i := 0; i <= n; i++ {
				g, p := L, L
				if i < n {
					g, p = gold[i], pred[i]
				}
				if g != p || prevG != prevP {
					tw[prevG*(L+1)+g]++
					tu[prevG*(L+1)+g] += c
					tw[prevP*(L+1)+p]--
					tu[prevP*(L+1)+p] -= c
				}
				if i < n && g != p {
					for _, r := range f[off[i]:off[i+1]] {
						w[int(r)*L+g]++
						u[int(r)*L+g] += c
						w[int(r)*L+p]--
						u[int(r)*L+p] -= c
					}
				}
				prevG, prevP = g, p
			}
			c++
		}
	}
	for i := range w {
		w[i] -= float32(u[i] / c)
	}
	for i := range tw {
		tw[i] -= float32(tu[i] / c)
	}
	return newWeights(d.keys, w, tw)
}

func growF(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func growI(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}
