package pos

import (
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
)

// Sentence is a training sentence: words and their gold tags.
type Sentence struct {
	Words []string
	Tags  []Tag
}

// trainer is a perceptron whose weights are averaged over every step by
// the timestamp trick (Daumé III, "Notes on the averaged perceptron"):
// u holds the step-weighted updates.
type trainer struct {
	t *Tagger
	u []float32
	c float32
}

func (tr *trainer) update(f uint64, k Tag, d float32) {
	r, ok := tr.t.rows[f]
	if !ok {
		r = int32(len(tr.t.rows))
		tr.t.rows[f] = r
		tr.t.w = append(tr.t.w, make([]float32, numTags)...)
		tr.u = append(tr.u, make([]float32, numTags)...)
	}
	i := int(r)*int(numTags) + int(k)
	tr.t.w[i] += d
	tr.u[i] += tr.c * d
}

// DefaultEpochs is the passes over the training sentences Train makes
// when given none.
const DefaultEpochs = 5

// Train learns a tagger from sentences, visiting them in orders drawn
// from a fixed seed: the same sentences give the same tagger. Each
// word's context is its own sentence, and the tags before it are the
// tagger's own guesses, as when it tags.
func Train(sents []Sentence, epochs int) *Tagger {
	if epochs <= 0 {
		epochs = DefaultEpochs
	}
	tr := &trainer{t: newTagger(), c: 1}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var feats []uint64
	var s sentence
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			sent := sents[si]
			ws := make([]word, len(sent.Words))
			vs := make([]vecs, len(ws))
			s.vecs, s.shapes = s.vecs[:0], s.shapes[:0]
			for i, w := range sent.Words {
				ws[i] = newWord(w)
			}
			for i := range ws {
				vs[i] = tr.t.vecsOf(&ws[i])
				s.vecs, s.shapes = append(s.vecs, &vs[i]), append(s.shapes, ws[i].shape)
			}
			edge := tr.t.vecsOf(&edgeWord)
			s.edge = &edge
			p1, p2 := numTags, numTags
			for i := range ws {
				sc := s.wordScore(i)
				tr.t.tagScore(&sc, i, ws[i].shape, p1, p2, false)
				guess := best(&sc)
				if gold := sent.Tags[i]; guess != gold {
					feats = features(ws, i, p1, p2, feats[:0])
					for _, f := range feats {
						tr.update(f, gold, 1)
						tr.update(f, guess, -1)
					}
				}
				tr.c++
				p1, p2 = guess, p1
			}
		}
	}
	for i := range tr.t.w {
		tr.t.w[i] -= tr.u[i] / tr.c
	}
	tr.t.vocab = vocabulary(sents)
	tr.t.prepare()
	return tr.t
}

// features lists the keys of token i of a sentence, those vecsOf and
// tagScore read, for the perceptron's update.
func features(ws []word, i int, p1, p2 Tag, buf []uint64) []uint64 {
	at := func(k int) *word {
		if k < 0 || k >= len(ws) {
			return &edgeWord
		}
		return &ws[k]
	}
	self, prev, next := selfKeys(&ws[i]), prevKeys(at(i-1)), nextKeys(at(i+1))
	shapes, tags := shapeKeys(b2u(i == 0), ws[i].shape), tagKeys(p1, p2)
	buf = append(buf, self[:]...)
	buf = append(buf, prev[:]...)
	buf = append(buf, next[:]...)
	buf = append(buf, shapes[:]...)
	return append(buf, tags[:]...)
}

// Accuracy tags each sentence and counts the tags that match gold.
func Accuracy(t *Tagger, sents []Sentence) (right, all int) {
	for _, s := range sents {
		for i, tag := range t.Tag(s.Words, nil) {
			if tag == s.Tags[i] {
				right++
			}
		}
		all += len(s.Words)
	}
	return right, all
}

// vocabulary returns the lower-case words of sents, sorted.
func vocabulary(sents []Sentence) []string {
	seen := map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			seen[strings.ToLower(w)] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}
