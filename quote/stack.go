package quote

import (
	"log/slog"
	"math/rand/v2"
	"slices"
	"sync"
)

// The content and source rankers (edges.go, sources.go) correct the role
// labeller's mistakes, so they must learn from mistakes like those the
// labeller makes on text it has not seen. On its own training documents
// the labeller makes few. So the rankers learn by stacking (Wolpert
// 1992): the training split is cut in two, labellers trained on each half
// label the other, and the rankers learn from those labels — and from
// the false cues the cue labeller finds there. (The cue ranker, bounds.go,
// learnt this way scored lower on dev than learnt beside the labeller, so
// it is trained there.)

const (
	folds        = 2
	rankerEpochs = 8
	rankerSeed   = 3
)

// spanExample is the content (or source) a fold's labeller found in one
// piece for a cue, and the gold one (none for a false cue's content).
type spanExample struct {
	win, cue, span, gold [2]int
}

// docExamples are one document's examples, with the cues the fold's
// labeller marked, which the features read.
type docExamples struct {
	doc      int
	cueAt    []bool
	contents []spanExample
	sources  []spanExample
}

// trainSpans trains the content and source rankers by stacking, with
// labellers trained for epochs on each fold's complement, the folds side
// by side.
func trainSpans(lex *lexicon, views []*view, train []Doc, epochs int, log *slog.Logger) (contents, sources *linear) {
	byFold := make([][]docExamples, folds)
	var wg sync.WaitGroup
	for f := range folds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var rest, held []int
			for k := range train {
				if k%folds == f {
					held = append(held, k)
				} else {
					rest = append(rest, k)
				}
			}
			fv := own(views)
			m := taggers(lex, fv, train, rest, epochs, 1)
			for _, k := range held {
				byFold[f] = append(byFold[f], m.examples(fv[k], k, train[k].Relations))
			}
		}()
	}
	wg.Wait()
	var ex []docExamples
	for _, e := range byFold {
		ex = append(ex, e...)
	}
	log.Info("stacking done", "folds", folds, "documents", len(ex))
	et, st := newTrainer([]int{-1}), newTrainer([]int{-1})
	rng := rand.New(rand.NewPCG(rankerSeed, 4))
	var s scratch
	for ep := 0; ep < rankerEpochs; ep++ {
		rng.Shuffle(len(ex), func(i, j int) { ex[i], ex[j] = ex[j], ex[i] })
		for _, e := range ex {
			v := views[e.doc]
			v.cueAt = e.cueAt
			info := v.infos(lex)
			for _, c := range e.contents {
				learnSpan(contentKind{}, et, v, info, v.unitContext(info, c.win), c.win, c.cue, c.span, c.gold, &s)
			}
			for _, c := range e.sources {
				learnSpan(sourceKind{}, st, v, info, v.unitContext(info, c.win), c.win, c.cue, c.span, c.gold, &s)
			}
		}
		log.Info("span rankers", "epoch", ep+1, "content updates", et.updates, "source updates", st.updates)
	}
	return et.average(0), st.average(0)
}

// examples labels one held-out document with a fold's labellers and
// pairs what they found with gold.
func (m *Model) examples(v *view, doc int, rels []Relation) docExamples {
	info := v.infos(m.lex)
	var s scratch
	found, foundUnit := m.cues(v, info, &s) // marks the cues found, as when labelling
	e := docExamples{doc: doc, cueAt: v.cueAt}
	unitOf := v.unitOf()
	roleTag := make([]int, len(v.toks))
	var ends []int
	// The false cues, whose relations the content ranker learns to drop.
	var golds [][2]int
	for _, r := range rels {
		for _, p := range r.Cue {
			if a, b := v.tokenRange(p); a < b {
				golds = append(golds, [2]int{a, b})
			}
		}
	}
	for k, f := range found {
		if slices.ContainsFunc(golds, func(g [2]int) bool { return f[0] < g[1] && g[0] < f[1] }) {
			continue
		}
		w := v.window(foundUnit[k])
		c := v.unitContext(info, w)
		var feats [][]uint64
		feats, ends = m.roleFeats(v, info, c, f[0], f[1], &s, ends)
		if got := chunks(m.role.decode(feats, s.mask, 0), rBC, rIC); len(got) == 1 {
			e.contents = append(e.contents, spanExample{win: w, cue: f,
				span: [2]int{w[0] + got[0][0], w[0] + got[0][1]}, gold: none})
		}
	}
	for _, r := range rels {
		cue, w, ok := goldRoles(v, unitOf, r, roleTag, false)
		if !ok {
			continue
		}
		c0, c1 := cue[0], cue[1]
		gold := chunks(roleTag[w[0]:w[1]], rBC, rIC)
		c := v.unitContext(info, w)
		var feats [][]uint64
		feats, ends = m.roleFeats(v, info, c, c0, c1, &s, ends)
		roles := m.role.decode(feats, s.mask, 0)
		got := chunks(roles, rBC, rIC)
		if len(got) == 1 && len(gold) == 1 {
			e.contents = append(e.contents, spanExample{win: w, cue: cue,
				span: [2]int{w[0] + got[0][0], w[0] + got[0][1]}, gold: [2]int{w[0] + gold[0][0], w[0] + gold[0][1]}})
		}
		if src := chunks(roles, rBS, rIS); len(src) > 0 && len(r.Source) == 1 {
			sc := nearest(src, [2]int{c0 - w[0], c1 - w[0]})
			a, b := v.tokenRange(r.Source[0])
			if a < b && a >= w[0] && b <= w[1] {
				e.sources = append(e.sources, spanExample{win: w, cue: cue,
					span: [2]int{w[0] + sc[0], w[0] + sc[1]}, gold: [2]int{a, b}})
			}
		}
	}
	return e
}
