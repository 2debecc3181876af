package quote

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"

	"github.com/datelinehq/dateline/wordcluster"
)

// linear is a linear-chain model over a few BIO labels: one weight per
// (feature, label) and one per label bigram, decoded by Viterbi. It is
// trained by the averaged structured perceptron of Collins (2002), "Discriminative
// training methods for hidden Markov models".
type linear struct {
	labels int
	cont   []int            // cont[l] is the B label that l continues, or -1
	rows   map[uint32]int32 // feature hashes folded to 32 bits
	w      []float32        // len(rows) × labels
	trans  []float32        // (labels+1) × labels; the last row is the start
	tab    table            // rows, for fast lookup once trained
}

// table is an open-addressing hash table from feature to its weights,
// rounded to 1/quantum and stored inline beside the key: decoding is
// mostly lookups, and this way each costs one cache miss where Go's map
// and a separate weight array cost three. Keys are hashes already, so
// their low bits index the slots.
type table struct {
	mask  uint32
	slots []slot
}

// slot holds a key's low and high halves, then its weights (zero past
// the model's labels).
type slot [stride]uint16

// batch is how many features emit looks up together.
const batch = 32

// stride is the slot size in uint16s: a key and up to six weights.
const stride = 8

func newTable(rows map[uint32]int32, w []float32, labels int) table {
	keys := make([]uint32, len(rows))
	for k, r := range rows {
		keys[r] = k
	}
	return newTableOf(keys, w, labels)
}

// newTableOf builds the table of the rows keys[r], w[r*labels:].
func newTableOf(keys []uint32, w []float32, labels int) table {
	size := uint32(1)
	for int(size) < len(keys)*10/7 { // load at most 0.7
		size <<= 1
	}
	t := table{mask: size - 1, slots: make([]slot, size)}
	for r, k := range keys {
		k = nonZero(k)
		i := k & t.mask
		for t.slots[i][0] != 0 || t.slots[i][1] != 0 {
			i = (i + 1) & t.mask
		}
		s := &t.slots[i]
		s[0], s[1] = uint16(k), uint16(k>>16)
		for l := 0; l < labels; l++ {
			q := math.Round(float64(w[int(r)*labels+l]) * quantum)
			s[2+l] = uint16(int16(max(-32767, min(32767, q))))
		}
	}
	return t
}

// nonZero keeps 0 free to mark empty slots.
func nonZero(k uint32) uint32 {
	if k == 0 {
		return 1
	}
	return k
}

// get returns the slot of key k, or nil.
func (t *table) get(k uint32) *slot {
	k = nonZero(k)
	lo, hi := uint16(k), uint16(k>>16)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s[0] == lo && s[1] == hi {
			return s
		}
		if s[0] == 0 && s[1] == 0 {
			return nil
		}
	}
}

func newLinear(cont []int) *linear {
	l := len(cont)
	return &linear{labels: l, cont: cont, rows: map[uint32]int32{}, trans: make([]float32, (l+1)*l)}
}

// allowed reports whether label c may follow p (p == labels: start).
func (m *linear) allowed(p, c int) bool {
	b := m.cont[c]
	return b < 0 || p == b || p == c
}

// sums are a token's summed weights, in units of 1/quantum; all six are
// summed, whatever the labels: the unused are zero, and a fixed sum
// keeps the loop short. Integer sums come out the same in any order and
// in any parts, so a part shared by many tokens may be summed once.
type sums [stride - 2]int32

// emit fills out (len(feats) × labels) with the feature scores.
func (m *linear) emit(feats [][]uint64, out []float32) { m.emitFrom(nil, feats, out) }

// emitFrom is emit with base[i] (nil: none) added to token i's sums; a
// read model only, whose weights are in the table.
func (m *linear) emitFrom(base []sums, feats [][]uint64, out []float32) {
	L := m.labels
	if m.tab.slots != nil {
		for i, fs := range feats {
			var acc sums
			if base != nil {
				acc = base[i]
			}
			m.add(fs, &acc)
			for l := 0; l < L; l++ {
				out[i*L+l] = float32(acc[l]) / quantum
			}
		}
		return
	}
	for i, fs := range feats {
		row := out[i*L : i*L+L]
		clear(row)
		for _, f := range fs {
			r, ok := m.rows[uint32(f)]
			if !ok {
				continue
			}
			w := m.w[int(r)*L : int(r)*L+L]
			for l := range row {
				row[l] += w[l]
			}
		}
	}
}

// add adds the table weights of the features fs to sum.
func (m *linear) add(fs []uint64, sum *sums) {
	acc := *sum
	for len(fs) > 0 {
		// The home slots of a batch of features are read before any
		// is compared, so their cache misses overlap.
		n := min(len(fs), batch)
		var home [batch]*slot
		var keys [batch]uint32
		var first [batch]uint32
		for j, f := range fs[:n] {
			k := nonZero(uint32(f))
			keys[j] = k
			home[j] = &m.tab.slots[k&m.tab.mask]
			first[j] = uint32(home[j][0]) | uint32(home[j][1])<<16
		}
		for j := range n {
			s := home[j]
			if first[j] != keys[j] {
				if s = m.tab.get(keys[j]); s == nil {
					continue
				}
			}
			acc[0] += int32(int16(s[2]))
			acc[1] += int32(int16(s[3]))
			acc[2] += int32(int16(s[4]))
			acc[3] += int32(int16(s[5]))
			acc[4] += int32(int16(s[6]))
			acc[5] += int32(int16(s[7]))
		}
		fs = fs[n:]
	}
	*sum = acc
}

// score is the weight of a set of features for the first label, the
// score of a candidate for the one-label rankers.
func (m *linear) score(feats []uint64) float32 {
	var out [stride]float32
	m.emit([][]uint64{feats}, out[:m.labels])
	return out[0]
}

// viterbi returns the best label sequence for the emission scores; where
// mask[i] is true the token must be labelled 0 (outside).
func (m *linear) viterbi(emit []float32, n int, mask []bool, back []int32) []int {
	L := m.labels
	neg := float32(math.Inf(-1))
	prev := make([]float32, L)
	cur := make([]float32, L)
	for i := 0; i < n; i++ {
		for c := 0; c < L; c++ {
			best, arg := neg, int32(0)
			if mask != nil && mask[i] && c != 0 {
				cur[c] = neg
				back[i*L+c] = 0
				continue
			}
			if i == 0 {
				if m.allowed(L, c) {
					best = m.trans[L*L+c]
				}
			} else {
				for p := 0; p < L; p++ {
					if prev[p] == neg || !m.allowed(p, c) {
						continue
					}
					if s := prev[p] + m.trans[p*L+c]; s > best {
						best, arg = s, int32(p)
					}
				}
			}
			if best != neg {
				best += emit[i*L+c]
			}
			cur[c] = best
			back[i*L+c] = arg
		}
		prev, cur = cur, prev
	}
	out := make([]int, n)
	if n == 0 {
		return out
	}
	best := 0
	for c := 1; c < L; c++ {
		if prev[c] > prev[best] {
			best = c
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = best
		best = int(back[i*L+best])
	}
	return out
}

// decode labels a sequence. bias is added to the score of every label
// but the first (outside): a positive bias trades precision for recall.
func (m *linear) decode(feats [][]uint64, mask []bool, bias float32) []int {
	return m.decodeFrom(nil, feats, mask, bias)
}

// decodeFrom is decode with base[i] added to the sums of token i (see
// emitFrom).
func (m *linear) decodeFrom(base []sums, feats [][]uint64, mask []bool, bias float32) []int {
	n := len(feats)
	emit := make([]float32, n*m.labels)
	m.emitFrom(base, feats, emit)
	m.favour(emit, bias)
	return m.viterbi(emit, n, mask, make([]int32, n*m.labels))
}

// favour adds bias to every emission score but those of the first label
// (outside).
func (m *linear) favour(emit []float32, bias float32) {
	if bias == 0 {
		return
	}
	for i := range emit {
		if i%m.labels != 0 {
			emit[i] += bias
		}
	}
}

// decodeRescued is decodeFrom with no bias, decoded again with bias when
// that labels every token outside: the emissions are worked out once.
func (m *linear) decodeRescued(base []sums, feats [][]uint64, bias float32) []int {
	n := len(feats)
	emit := make([]float32, n*m.labels)
	m.emitFrom(base, feats, emit)
	back := make([]int32, n*m.labels)
	labels := m.viterbi(emit, n, nil, back)
	if slices.ContainsFunc(labels, func(l int) bool { return l != 0 }) {
		return labels
	}
	m.favour(emit, bias)
	return m.viterbi(emit, n, nil, back)
}

// trainer holds the perceptron's running and summed weights; the summed
// weights use the usual timestamp trick so averaging costs nothing per
// step (Daumé III, "Notes on the averaged perceptron").
type trainer struct {
	m       *linear
	u       []float32 // c-weighted updates of m.w
	tu      []float32
	c       float32
	updates int
}

func newTrainer(cont []int) *trainer {
	m := newLinear(cont)
	return &trainer{m: m, tu: make([]float32, len(m.trans)), c: 1}
}

func (t *trainer) add(f uint64, l int, d float32) {
	L := t.m.labels
	r, ok := t.m.rows[uint32(f)]
	if !ok {
		r = int32(len(t.m.rows))
		t.m.rows[uint32(f)] = r
		t.m.w = append(t.m.w, make([]float32, L)...)
		t.u = append(t.u, make([]float32, L)...)
	}
	t.m.w[int(r)*L+l] += d
	t.u[int(r)*L+l] += t.c * d
}

func (t *trainer) addTrans(p, c int, d float32) {
	k := p*t.m.labels + c
	t.m.trans[k] += d
	t.tu[k] += t.c * d
}

// learn decodes one sequence and moves the weights toward gold.
func (t *trainer) learn(feats [][]uint64, gold []int, mask []bool) []int {
	pred := t.m.decode(feats, mask, 0)
	L := t.m.labels
	wrong := false
	for i := range gold {
		pg, pp := L, L
		if i > 0 {
			pg, pp = gold[i-1], pred[i-1]
		}
		if gold[i] == pred[i] && pg == pp {
			continue
		}
		wrong = true
		for _, f := range feats[i] {
			if gold[i] != pred[i] {
				t.add(f, gold[i], 1)
				t.add(f, pred[i], -1)
			}
		}
		t.addTrans(pg, gold[i], 1)
		t.addTrans(pp, pred[i], -1)
	}
	if wrong {
		t.updates++
	}
	t.c++
	return pred
}

// rankStep is one perceptron step of a one-label ranker: when the
// candidate it ranked best is not gold, gold's features gain and best's
// lose.
func (t *trainer) rankStep(gold, best [2]int, feats func([2]int) []uint64) {
	if best != gold {
		for _, f := range feats(gold) {
			t.add(f, 0, 1)
		}
		for _, f := range feats(best) {
			t.add(f, 0, -1)
		}
		t.updates++
	}
	t.c++
}

// average returns the averaged model, dropping rows whose weights are all
// below eps in magnitude to keep the shipped model small.
func (t *trainer) average(eps float32) *linear {
	L := t.m.labels
	m := newLinear(t.m.cont)
	keys := make([]uint32, 0, len(t.m.rows))
	for k := range t.m.rows {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		r := int(t.m.rows[k])
		row := make([]float32, L)
		keep := false
		for l := range row {
			row[l] = t.m.w[r*L+l] - t.u[r*L+l]/t.c
			if row[l] > eps || row[l] < -eps {
				keep = true
			}
		}
		if keep {
			m.rows[k] = int32(len(m.rows))
			m.w = append(m.w, row...)
		}
	}
	for k := range m.trans {
		m.trans[k] = t.m.trans[k] - t.tu[k]/t.c
	}
	m.tab = newTable(m.rows, m.w, m.labels)
	return m
}

// fromTable rebuilds the rows of a read model from its table.
func (m *linear) fromTable() *linear {
	out := newLinear(m.cont)
	copy(out.trans, m.trans)
	for i := range m.tab.slots {
		s := &m.tab.slots[i]
		if s[0] == 0 && s[1] == 0 {
			continue
		}
		out.rows[uint32(s[0])|uint32(s[1])<<16] = int32(len(out.rows))
		for l := 0; l < m.labels; l++ {
			out.w = append(out.w, float32(int16(s[2+l]))/quantum)
		}
	}
	out.tab = m.tab
	return out
}

// quantum is the step weights are rounded to when stored: an eighth is
// far below the spread of the averaged weights and keeps most in a byte.
const quantum = 8

// write stores the model: labels, continuation table, transitions, then
// the rows in key order, keys delta-coded, weights rounded to 1/quantum
// and zigzag-coded.
func (m *linear) write(w io.Writer) error {
	if m.rows == nil {
		m = m.fromTable()
	}
	keys := make([]uint32, 0, len(m.rows))
	for k := range m.rows {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	put := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	putF := func(f float32) { binary.Write(bw, binary.LittleEndian, f) }
	put(uint64(m.labels))
	for _, c := range m.cont {
		put(uint64(c + 1))
	}
	for _, f := range m.trans {
		putF(f)
	}
	put(uint64(len(keys)))
	last := uint32(0)
	for _, k := range keys {
		put(uint64(k - last))
		last = k
		r := int(m.rows[k])
		for _, f := range m.w[r*m.labels : r*m.labels+m.labels] {
			q := int64(math.Round(float64(f) * quantum))
			put(uint64(q<<1 ^ q>>63))
		}
	}
	return bw.Flush()
}

// readLinear reads what write wrote.
func readLinear(r *bufio.Reader) (*linear, error) {
	get := func() uint64 {
		x, err := binary.ReadUvarint(r)
		if err != nil {
			panic(err)
		}
		return x
	}
	getF := func() float32 {
		var f float32
		if err := binary.Read(r, binary.LittleEndian, &f); err != nil {
			panic(err)
		}
		return f
	}
	var m *linear
	err := func() (err error) {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("truncated model: %v", p)
			}
		}()
		L := int(get())
		if L < 1 || L > 16 {
			return fmt.Errorf("bad label count %d", L)
		}
		cont := make([]int, L)
		for i := range cont {
			cont[i] = int(get()) - 1
		}
		m = newLinear(cont)
		for i := range m.trans {
			m.trans[i] = getF()
		}
		n := int(get())
		keys := make([]uint32, 0, n)
		w := make([]float32, 0, n*L)
		last := uint32(0)
		for i := 0; i < n; i++ {
			last += uint32(get())
			keys = append(keys, last)
			for l := 0; l < L; l++ {
				z := get()
				q := int64(z>>1) ^ -int64(z&1)
				w = append(w, float32(q)/quantum)
			}
		}
		// A read model only decodes: the table alone is kept (the map and
		// float rows would triple its memory).
		m.rows, m.w = nil, nil
		m.tab = newTableOf(keys, w, m.labels)
		return nil
	}()
	return m, err
}

// writeGzip stores the linear models, then the word clusters.
func writeGzip(w io.Writer, clusters map[string]wordcluster.Path, ms ...*linear) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	for _, m := range ms {
		if err := m.write(zw); err != nil {
			return fmt.Errorf("write model: %w", err)
		}
	}
	if err := writeClusters(zw, clusters); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

// readGzip reads n linear models and the word clusters.
func readGzip(r io.Reader, n int) ([]*linear, map[string]wordcluster.Path, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, nil, fmt.Errorf("read model: %w", err)
	}
	br := bufio.NewReader(zr)
	var ms []*linear
	for i := 0; i < n; i++ {
		m, err := readLinear(br)
		if err != nil {
			return nil, nil, fmt.Errorf("read model: %w", err)
		}
		ms = append(ms, m)
	}
	clusters, err := readClusters(br)
	if err != nil {
		return nil, nil, fmt.Errorf("read model: %w", err)
	}
	return ms, clusters, nil
}
