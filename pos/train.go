package pos

import (
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
	tr.t.vocab = vocabulary(sents, 1)
	tr.t.prepare()
	return tr.t
}

// features lists the features of token i of a sentence, those vecsOf and
// tagScore read, for the perceptron's update.
func features(ws []word, i int, p1, p2 Tag, buf []uint64) []uint64 {
	at := func(k int) *word {
		if k < 0 || k >= len(ws) {
			return &edgeWord
		}
		return &ws[k]
	}
	w := &ws[i]
	return append(buf,
		key(fBias, 0),
		key(fWord, w.w),
		key(fSuf3, w.suf3),
		key(fSuf2, w.suf2),
		key(fPre1, w.pre1),
		key(fPrevWord, at(i-1).w),
		key(fPrevSuf, at(i-1).suf3),
		key(fNextWord, at(i+1).w),
		key(fNextSuf, at(i+1).suf3),
		key(fShape, w.shape),
		key2(fFirstShape, b2u(i == 0), w.shape),
		key(fPrevTag, uint64(p1)),
		key2(fPrevTags, uint64(p1), uint64(p2)),
	)
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

// vocabulary returns the lower-case words seen at least min times,
// sorted.
func vocabulary(sents []Sentence, min int) []string {
	count := map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			count[strings.ToLower(w)]++
		}
	}
	var out []string
	for w, n := range count {
		if n >= min {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}
