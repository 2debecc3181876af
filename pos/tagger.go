package pos

import "strings"

// Tagger tags words left to right, each with the tag that scores best
// given the words either side and the two tags before it: a greedy
// averaged perceptron (Collins 2002), the design of the fast taggers of
// the 2010s, which reach about 97% on the Penn Treebank.
//
// Scores come in groups: what a word adds as itself and as the word
// before or after the one tagged, what its shape adds, and what the tags
// before add. A word's groups are worked out once per text, or once per
// model for the words seen in training, so a token costs five vector
// sums.
type Tagger struct {
	rows map[uint64]int32 // feature → row of w
	w    []float32        // len(rows) × numTags

	// vocab holds the words seen in training, lower-case and sorted:
	// their vecs are worked out once (prepare), where other words' cost
	// a few lookups in each text that uses them.
	vocab []string

	// Worked out from rows once trained (prepare).
	known     map[uint64]int32 // hash of a vocab word → its vecs
	clash     map[uint64]bool  // hashes of two vocab words or more
	knownVecs []vecs
	edge      vecs                             // what a sentence edge adds
	shape     [2][10]scores                    // fShape and fFirstShape, by first and shape
	prev      [numTags + 1][numTags + 1]scores // fPrevTag and fPrevTags, by the two tags before
}

// scores has one score per tag.
type scores [numTags]float32

func (s *scores) add(o *scores) {
	for k := range s {
		s[k] += o[k]
	}
}

// vecs are what one word adds to the score of a token, by where it lies;
// they depend on the lower-case word alone (its shape is scored apart).
type vecs struct {
	self, prev1, next1 scores
}

func newTagger() *Tagger { return &Tagger{rows: map[uint64]int32{}} }

// row adds the weights of feature f to s.
func (t *Tagger) row(f uint64, s *scores) {
	r, ok := t.rows[f]
	if !ok {
		return
	}
	s.add((*scores)(t.w[int(r)*int(numTags):]))
}

// vecsOf returns what word w adds by place.
func (t *Tagger) vecsOf(w *word) vecs { return t.vecsOfWord(w, true) }

// vecsOfWord is vecsOf; without seen, the rows of the word itself are
// not looked up: a word outside the vocabulary was never seen in
// training, so it has none, and a lookup that finds nothing costs as
// much as one that finds a row.
func (t *Tagger) vecsOfWord(w *word, seen bool) vecs {
	skip := func(at int) int {
		if seen {
			return -1
		}
		return at
	}
	var v vecs
	self, prev, next := selfKeys(w), prevKeys(w), nextKeys(w)
	t.addRows(self[:], skip(selfWordKey), &v.self)
	t.addRows(prev[:], skip(sideWordKey), &v.prev1)
	t.addRows(next[:], skip(sideWordKey), &v.next1)
	return v
}

// addRows adds to s the rows of keys but keys[skip].
func (t *Tagger) addRows(keys []uint64, skip int, s *scores) {
	for j, k := range keys {
		if j != skip {
			t.row(k, s)
		}
	}
}

// prepare works out the scores that depend on no word, or only on a
// tag, and the vecs of the vocabulary, once the weights are final.
// Vocabulary words that share a hash are left to be worked out each time.
func (t *Tagger) prepare() {
	t.known = make(map[uint64]int32, len(t.vocab))
	t.knownVecs = make([]vecs, 0, len(t.vocab))
	t.clash = map[uint64]bool{}
	for _, lw := range t.vocab {
		w := newWord(lw)
		if _, dup := t.known[w.w]; dup || t.clash[w.w] {
			delete(t.known, w.w)
			t.clash[w.w] = true
			continue
		}
		t.known[w.w] = int32(len(t.knownVecs))
		t.knownVecs = append(t.knownVecs, t.vecsOf(&w))
	}
	t.edge = t.vecsOf(&edgeWord)
	for p := range numTags + 1 {
		for q := range numTags + 1 {
			keys := tagKeys(p, q)
			t.addRows(keys[:], -1, &t.prev[p][q])
		}
	}
	for f := range 2 {
		for s := range 10 {
			keys := shapeKeys(uint64(f), uint64(s))
			t.addRows(keys[:], -1, &t.shape[f][s])
		}
	}
}

// sentence is a run of words being tagged: each word's vecs and shape.
type sentence struct {
	vecs   []*vecs
	shapes []uint64
	edge   *vecs
}

func (s *sentence) at(k int) *vecs {
	if k < 0 || k >= len(s.vecs) {
		return s.edge
	}
	return s.vecs[k]
}

// wordScore sums what the words around token i add; the tags' part is
// added by the caller.
func (s *sentence) wordScore(i int) scores {
	sc := s.vecs[i].self
	sc.add(&s.at(i - 1).prev1)
	sc.add(&s.at(i + 1).next1)
	return sc
}

// tagScore adds to sc what the shape of the ith word of its sentence
// adds, and the previous tags p1, p2. prepared: from the tables prepare
// fills, not the rows (as in training, where the rows change).
func (t *Tagger) tagScore(sc *scores, i int, shape uint64, p1, p2 Tag, prepared bool) {
	first := b2u(i == 0)
	if prepared {
		sc.add(&t.shape[first][shape])
		sc.add(&t.prev[p1][p2])
	} else {
		shapes, tags := shapeKeys(first, shape), tagKeys(p1, p2)
		t.addRows(shapes[:], -1, sc)
		t.addRows(tags[:], -1, sc)
	}
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// Tag returns the tag of each word. first[i] reports a word that opens a
// sentence (nil, or past its end: no sentence starts there); the words
// around a sentence are not read. Time and memory are linear in the words.
func (t *Tagger) Tag(words []string, first []bool) []Tag {
	out := make([]Tag, len(words))
	index := make(map[string]int32, len(words)/3+1)
	var vs []*vecs
	var shapes []uint64
	ids := make([]int32, len(words))
	for i, w := range words {
		id, ok := index[w]
		if !ok {
			id = int32(len(vs))
			index[w] = id
			v, sh := t.vecsOfText(w)
			vs, shapes = append(vs, v), append(shapes, sh)
		}
		ids[i] = id
	}
	s := sentence{edge: &t.edge}
	for a := 0; a < len(words); {
		b := a + 1
		for b < len(words) && (b >= len(first) || !first[b]) {
			b++
		}
		s.vecs, s.shapes = s.vecs[:0], s.shapes[:0]
		for _, id := range ids[a:b] {
			s.vecs, s.shapes = append(s.vecs, vs[id]), append(s.shapes, shapes[id])
		}
		p1, p2 := numTags, numTags
		for i := range s.vecs {
			sc := s.wordScore(i)
			t.tagScore(&sc, i, s.shapes[i], p1, p2, true)
			out[a+i] = best(&sc)
			p1, p2 = out[a+i], p1
		}
		a = b
	}
	return out
}

// vecsOfText returns the vecs and shape of a word as written: a known
// word's vecs from the table, another's worked out.
func (t *Tagger) vecsOfText(text string) (*vecs, uint64) {
	lw := strings.ToLower(text)
	h := hash(lw)
	if k, ok := t.known[h]; ok {
		return &t.knownVecs[k], shape(text)
	}
	w := newWord(text)
	v := t.vecsOfWord(&w, t.clash[h])
	return &v, w.shape
}

func best(sc *scores) Tag {
	b := Tag(0)
	for k := Tag(1); k < numTags; k++ {
		if sc[k] > sc[b] {
			b = k
		}
	}
	return b
}
