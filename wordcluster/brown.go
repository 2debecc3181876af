// Package wordcluster groups words that occur in like contexts, from
// unlabeled text, so that a model may weigh a word it has seldom or never
// seen in training by the words it is grouped with.
package wordcluster

import (
	"cmp"
	"math"
	"slices"
)

// Brown clustering (Brown et al. 1992, "Class-based n-gram models of
// natural language"), in the windowed form of Liang (2005, "Semi-supervised
// learning for natural language", MIT): words enter in order of frequency
// into a window of C+1 clusters and each entry is followed by the merge
// that loses the least mutual information between adjacent clusters;
// once all words are in, the C clusters are merged down to one, and that
// merge tree gives each cluster its bit string. Loss updates after a
// merge take O(1) per pair, O(C²) per step.

type neighbour struct {
	word  int32
	count float64
}

type brown struct {
	k            int // slots: C+1
	p, q, loss   []float64
	pl, pr, s    []float64
	active       []bool
	members      [][]int32
	slotOf       []int32
	right, left  [][]neighbour
	lcount, rcnt []float64
}

func qv(p, a, b float64) float64 {
	if p <= 0 {
		return 0
	}
	return p * fastLog(p/(a*b))
}

// fastLog is the natural logarithm of a positive normal x to about 1e-12,
// from a table of 1024 mantissa steps and a cubic for the rest: it is
// most of the clustering's time, and math.Log is three times slower.
func fastLog(x float64) float64 {
	b := math.Float64bits(x)
	e := int64(b>>52&0x7ff) - 1023
	k := b >> 42 & 1023
	m := math.Float64frombits(b&(1<<52-1) | 1023<<52)
	r := (m - (1 + float64(k)/1024)) * logInv[k]
	return float64(e)*math.Ln2 + logTab[k] + r*(1-r*(0.5-r/3))
}

var logTab, logInv = func() (t, inv [1024]float64) {
	for k := range t {
		v := 1 + float64(k)/1024
		t[k] = math.Log(v)
		inv[k] = 1 / v
	}
	return t, inv
}()

// Path is a cluster's place in the merge tree: the branches taken from
// the root, right-aligned in Bits, N of them. Clusters that share a
// prefix are alike; a short prefix is a coarse class.
type Path struct {
	Bits uint64
	N    uint8
}

// Prefix returns the first k bits of the path (all if shorter) and the
// number of bits returned.
func (p Path) Prefix(k int) (uint64, int) {
	if int(p.N) <= k {
		return p.Bits, int(p.N)
	}
	return p.Bits >> (int(p.N) - k), k
}

// Brown clusters the words of sents that occur at least minCount times
// into c clusters and returns each word's path. The same input gives the
// same paths.
func Brown(sents [][]string, c, minCount int) map[string]Path {
	return clusterWords(sents, c, minCount, nil)
}

// clusterWords is Brown with a hook for tests, called with the state
// after each word enters.
func clusterWords(sents [][]string, c, minCount int, check func(*brown)) map[string]Path {
	vocab := vocabulary(sents, minCount)
	if len(vocab) < 2 {
		return map[string]Path{}
	}
	c = min(c, len(vocab))
	b := newBrown(sents, vocab, c)
	// Phase 1: words enter by frequency; past c clusters, each entry is
	// followed by the best merge.
	free := 0
	for w := range vocab {
		b.add(int32(w), free)
		free++
		if check != nil {
			check(b)
		}
		if w >= c {
			_, free = b.mergeBest()
		}
	}
	return b.hierarchy(vocab)
}

// vocabulary returns the words seen at least minCount times, most
// frequent first (ties in byte order, for determinism).
func vocabulary(sents [][]string, minCount int) []string {
	counts := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			counts[w]++
		}
	}
	var vocab []string
	for w, n := range counts {
		if n >= minCount {
			vocab = append(vocab, w)
		}
	}
	slices.SortFunc(vocab, func(a, b string) int {
		if d := cmp.Compare(counts[b], counts[a]); d != 0 {
			return d
		}
		return cmp.Compare(a, b)
	})
	return vocab
}

// newBrown counts the bigrams of vocab words in sents and prepares c+1
// empty slots.
func newBrown(sents [][]string, vocab []string, c int) *brown {
	index := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		index[w] = int32(i)
	}
	type pair struct{ a, b int32 }
	bigrams := map[pair]float64{}
	total := 0.0
	for _, s := range sents {
		prev := int32(-1)
		for _, w := range s {
			cur, ok := index[w]
			if !ok {
				prev = -1
				continue
			}
			if prev >= 0 {
				bigrams[pair{prev, cur}]++
				total++
			}
			prev = cur
		}
	}
	V, K := len(vocab), c+1
	b := &brown{
		k:     K,
		right: make([][]neighbour, V), left: make([][]neighbour, V),
		lcount: make([]float64, V), rcnt: make([]float64, V),
		p: make([]float64, K*K), q: make([]float64, K*K), loss: make([]float64, K*K),
		pl: make([]float64, K), pr: make([]float64, K), s: make([]float64, K),
		active: make([]bool, K), members: make([][]int32, K), slotOf: make([]int32, V),
	}
	keys := make([]pair, 0, len(bigrams))
	for k := range bigrams {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y pair) int {
		if d := cmp.Compare(x.a, y.a); d != 0 {
			return d
		}
		return cmp.Compare(x.b, y.b)
	})
	for _, k := range keys {
		n := bigrams[k] / total
		b.right[k.a] = append(b.right[k.a], neighbour{k.b, n})
		b.left[k.b] = append(b.left[k.b], neighbour{k.a, n})
		b.lcount[k.a] += n
		b.rcnt[k.b] += n
	}
	for i := range b.slotOf {
		b.slotOf[i] = -1
	}
	return b
}

// hierarchy is phase 2: it merges the remaining clusters down to one and
// gives each word the path of its cluster in that merge tree.
func (b *brown) hierarchy(vocab []string) map[string]Path {
	type node struct{ left, right int }
	var nodes []node
	var leafMembers [][]int32
	nodeOf := make([]int, b.k)
	for sl := range b.k {
		if b.active[sl] {
			nodeOf[sl] = len(nodes)
			nodes = append(nodes, node{-1, -1})
			leafMembers = append(leafMembers, b.members[sl])
		}
	}
	for {
		kept, removed := b.mergeBest()
		if kept < 0 {
			break
		}
		nodes = append(nodes, node{nodeOf[kept], nodeOf[removed]})
		nodeOf[kept] = len(nodes) - 1
	}
	out := make(map[string]Path, len(vocab))
	var walk func(n int, path Path)
	walk = func(n int, path Path) {
		nd := nodes[n]
		if nd.left < 0 {
			for _, w := range leafMembers[n] {
				out[vocab[w]] = path
			}
			return
		}
		for bit, child := range []int{nd.left, nd.right} {
			p := path
			if p.N < 63 {
				p = Path{Bits: p.Bits<<1 | uint64(bit), N: p.N + 1}
			}
			walk(child, p)
		}
	}
	walk(len(nodes)-1, Path{})
	return out
}

// add puts word w alone into the empty slot sl.
func (b *brown) add(w int32, sl int) {
	K := b.k
	b.members[sl] = []int32{w}
	b.slotOf[w] = int32(sl)
	b.active[sl] = true
	b.pl[sl] = b.lcount[w]
	b.pr[sl] = b.rcnt[w]
	for d := range K {
		b.p[sl*K+d] = 0
		b.p[d*K+sl] = 0
	}
	for _, nb := range b.right[w] {
		if t := b.slotOf[nb.word]; t >= 0 {
			b.p[sl*K+int(t)] += nb.count
		}
	}
	for _, nb := range b.left[w] {
		if t := b.slotOf[nb.word]; t >= 0 && nb.word != w {
			b.p[int(t)*K+sl] += nb.count
		}
	}
	b.s[sl] = 0
	for d := range K {
		if !b.active[d] {
			continue
		}
		b.q[sl*K+d] = qv(b.p[sl*K+d], b.pl[sl], b.pr[d])
		b.q[d*K+sl] = qv(b.p[d*K+sl], b.pl[d], b.pr[sl])
		b.s[sl] += b.q[sl*K+d] + b.q[d*K+sl]
		if d != sl {
			b.s[d] += b.q[d*K+sl] + b.q[sl*K+d]
		}
	}
	b.s[sl] -= b.q[sl*K+sl]
	for i := range K {
		if !b.active[i] || i == sl {
			continue
		}
		for j := i + 1; j < K; j++ {
			if !b.active[j] || j == sl {
				continue
			}
			b.loss[i*K+j] += b.q[i*K+sl] + b.q[sl*K+i] + b.q[j*K+sl] + b.q[sl*K+j] - b.mergedTerm(i, j, sl)
		}
	}
	for j := range K {
		if b.active[j] && j != sl {
			b.setLoss(sl, j)
		}
	}
}

// mergedTerm is the mutual information between the merge of i and j and
// cluster d.
func (b *brown) mergedTerm(i, j, d int) float64 {
	K := b.k
	return qv(b.p[i*K+d]+b.p[j*K+d], b.pl[i]+b.pl[j], b.pr[d]) +
		qv(b.p[d*K+i]+b.p[d*K+j], b.pl[d], b.pr[i]+b.pr[j])
}

func (b *brown) setLoss(x, y int) {
	K := b.k
	i, j := min(x, y), max(x, y)
	plm, prm := b.pl[i]+b.pl[j], b.pr[i]+b.pr[j]
	sum := 0.0
	for d := range K {
		if !b.active[d] || d == i || d == j {
			continue
		}
		sum += b.mergedTerm(i, j, d)
	}
	sum += qv(b.p[i*K+i]+b.p[i*K+j]+b.p[j*K+i]+b.p[j*K+j], plm, prm)
	b.loss[i*K+j] = b.s[i] + b.s[j] - b.q[i*K+j] - b.q[j*K+i] - sum
}

// mergeBest merges the pair of active clusters that loses least and
// returns the slot kept and the slot freed; (-1, -1) when fewer than
// two clusters are active.
func (b *brown) mergeBest() (kept, removed int) {
	K := b.k
	bi, bj := -1, -1
	best := math.Inf(1)
	for i := range K {
		if !b.active[i] {
			continue
		}
		for j := i + 1; j < K; j++ {
			if b.active[j] && b.loss[i*K+j] < best {
				best, bi, bj = b.loss[i*K+j], i, j
			}
		}
	}
	if bi < 0 {
		return -1, -1
	}
	a, c := bi, bj
	plm, prm := b.pl[a]+b.pl[c], b.pr[a]+b.pr[c]
	// Change of each other cluster's own contribution.
	ds := make([]float64, K)
	qim := make([]float64, K)
	qmi := make([]float64, K)
	for i := range K {
		if !b.active[i] || i == a || i == c {
			continue
		}
		qim[i] = qv(b.p[i*K+a]+b.p[i*K+c], b.pl[i], prm)
		qmi[i] = qv(b.p[a*K+i]+b.p[c*K+i], plm, b.pr[i])
		ds[i] = qim[i] + qmi[i] - b.q[i*K+a] - b.q[a*K+i] - b.q[i*K+c] - b.q[c*K+i]
	}
	for i := range K {
		if !b.active[i] || i == a || i == c {
			continue
		}
		for j := i + 1; j < K; j++ {
			if !b.active[j] || j == a || j == c {
				continue
			}
			pli, pri := b.pl[i]+b.pl[j], b.pr[i]+b.pr[j]
			mm := qv(b.p[a*K+i]+b.p[c*K+i]+b.p[a*K+j]+b.p[c*K+j], plm, pri) +
				qv(b.p[i*K+a]+b.p[i*K+c]+b.p[j*K+a]+b.p[j*K+c], pli, prm)
			b.loss[i*K+j] += ds[i] + ds[j] - (mm - b.mergedTerm(i, j, a) - b.mergedTerm(i, j, c))
		}
	}
	// Merge c into a.
	self := b.p[a*K+a] + b.p[a*K+c] + b.p[c*K+a] + b.p[c*K+c]
	for d := range K {
		b.p[a*K+d] += b.p[c*K+d]
		b.p[d*K+a] += b.p[d*K+c]
	}
	b.p[a*K+a] = self
	for d := range K {
		b.p[c*K+d] = 0
		b.p[d*K+c] = 0
	}
	b.pl[a], b.pr[a] = plm, prm
	b.active[c] = false
	for _, w := range b.members[c] {
		b.slotOf[w] = int32(a)
	}
	b.members[a] = append(b.members[a], b.members[c]...)
	b.members[c] = nil
	b.s[a] = 0
	for d := range K {
		if !b.active[d] {
			continue
		}
		if d != a {
			b.q[a*K+d] = qmi[d]
			b.q[d*K+a] = qim[d]
			b.s[d] += ds[d]
		} else {
			b.q[a*K+a] = qv(self, plm, prm)
		}
		b.s[a] += b.q[a*K+d] + b.q[d*K+a]
	}
	b.s[a] -= b.q[a*K+a]
	for j := range K {
		if b.active[j] && j != a {
			b.setLoss(a, j)
		}
	}
	return a, c
}
