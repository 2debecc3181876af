package quote

import (
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"

	"github.com/datelinehq/dateline/segment"
)

// TrainOptions says what to train on. The zero value of each number
// takes the default.
type TrainOptions struct {
	Train, Dev string // PolNeAR split directories
	Epochs     int    // passes over the training set; the best on Dev is kept (default 12)
	Logger     *slog.Logger
}

// Train learns a Model from a PolNeAR training split, choosing the number
// of epochs on the dev split. Documents are visited in an order drawn
// from a fixed seed, so the same corpus always gives the same model.
func Train(opt TrainOptions) (*Model, *Score, error) {
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opt.Epochs == 0 {
		opt.Epochs = 12
	}
	train, err := LoadPolNeAR(opt.Train)
	if err != nil {
		return nil, nil, fmt.Errorf("train quotes: %w", err)
	}
	var dev []Doc
	if opt.Dev != "" {
		if dev, err = LoadPolNeAR(opt.Dev); err != nil {
			return nil, nil, fmt.Errorf("train quotes: %w", err)
		}
	}
	views := make([]*view, len(train))
	for i, d := range train {
		views[i] = newView(d.Text, segment.Split(string(d.Text)))
	}
	cue, role := newTrainer(cueCont), newTrainer(roleCont)
	rng := rand.New(rand.NewPCG(1, 2))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var best *Model
	var bestScore *Score
	for ep := 1; ep <= opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			learnDoc(cue, role, views[k], train[k].Relations)
		}
		m := &Model{cue: cue.average(0), role: role.average(0)}
		if len(dev) == 0 {
			best = m
			continue
		}
		sc := Evaluate(m, dev)
		log.Info("epoch", "n", ep, "cue updates", cue.updates, "role updates", role.updates,
			"source", fmt.Sprintf("%.1f", sc.Source.F1()), "cue", fmt.Sprintf("%.1f", sc.Cue.F1()),
			"content", fmt.Sprintf("%.1f", sc.Content.F1()), "speaker", fmt.Sprintf("%.1f", sc.SpeakerAccuracy()))
		if bestScore == nil || total(sc) > total(bestScore) {
			best, bestScore = m, sc
		}
	}
	// Rows whose weights are all small are dropped: it halves the model,
	// speeds decoding and moves the dev scores by a tenth of a point.
	const eps = 1
	best = &Model{cue: prune(best.cue, eps), role: prune(best.role, eps)}
	return best, bestScore, nil
}

func total(s *Score) float64 { return s.Source.F1() + s.Cue.F1() + s.Content.F1() }

// prune drops feature rows whose weights are all tiny.
func prune(m *linear, eps float32) *linear {
	t := &trainer{m: m, u: make([]float32, len(m.w)), tu: make([]float32, len(m.trans)), c: 1}
	return t.average(eps)
}

// Evaluate scores the model on annotated documents.
func Evaluate(m *Model, docs []Doc) *Score {
	var sc Score
	for _, d := range docs {
		sc.Add(d.Text, d.Relations, m.Relations(d.Text, segment.Split(string(d.Text))))
	}
	return &sc
}

// Relations finds the attribution relations of a text.
func (m *Model) Relations(text []rune, sents []segment.Sentence) []Relation {
	v := newView(text, sents)
	var out []Relation
	for _, r := range m.relations(v) {
		out = append(out, Relation{
			Source:  v.pieces(r.source),
			Cue:     v.pieces([][2]int{r.cue}),
			Content: v.pieces(r.content),
		})
	}
	return out
}

// learnDoc runs the perceptron over one training document.
func learnDoc(cue, role *trainer, v *view, rels []Relation) {
	info := v.infos()
	n := len(v.toks)
	cueTag := make([]int, n)
	for _, r := range rels {
		for _, p := range r.Cue {
			tagRange(v, cueTag, p, lB, lI)
		}
	}
	var s scratch
	var ends []int
	m := &Model{cue: cue.m, role: role.m}
	unitOf := make([]int32, n)
	v.cueAt = make([]bool, n)
	for ui, u := range v.units {
		for i := u[0]; i < u[1]; i++ {
			unitOf[i] = int32(ui)
			v.cueAt[i] = cueTag[i] != lO
		}
	}
	for _, u := range v.units {
		c := v.unitContext(info, u)
		var feats [][]uint64
		feats, ends = m.cueFeats(v, info, c, &s, ends)
		cue.learn(feats, cueTag[u[0]:u[1]], nil)
	}
	roleTag := make([]int, n)
	for _, r := range rels {
		if len(r.Cue) == 0 {
			continue
		}
		c0, c1 := v.tokenRange(r.Cue[0])
		if c0 >= c1 {
			continue
		}
		w := v.window(int(unitOf[c0]))
		c1 = min(c1, w[1])
		clear(roleTag[w[0]:w[1]])
		for _, p := range r.Content {
			tagRange(v, roleTag, p, rBC, rIC)
		}
		for _, p := range r.Source {
			tagRange(v, roleTag, p, rBS, rIS)
		}
		for i := c0; i < c1; i++ {
			roleTag[i] = rO
		}
		repair(roleTag[w[0]:w[1]])
		c := v.unitContext(info, w)
		var feats [][]uint64
		feats, ends = m.roleFeats(v, info, c, c0, c1, &s, ends)
		role.learn(feats, roleTag[w[0]:w[1]], s.mask)
	}
}

// tagRange labels the tokens a piece covers.
func tagRange(v *view, tags []int, p [2]int, b, in int) {
	a, e := v.tokenRange(p)
	for i := a; i < e; i++ {
		if i == a {
			tags[i] = b
		} else {
			tags[i] = in
		}
	}
}

// repair makes a gold sequence valid where overlapping spans broke it: an
// inside label that follows neither its begin nor itself becomes a begin.
func repair(tags []int) {
	for i, t := range tags {
		if t == rIS || t == rIC {
			p := rO
			if i > 0 {
				p = tags[i-1]
			}
			if p != t && p != t-1 {
				tags[i] = t - 1
			}
		}
	}
}
