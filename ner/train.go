package ner

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"path/filepath"
	"strings"
	"time"

	"github.com/datelinehq/dateline/wordcluster"
)

// TrainOptions configure Train. Zero fields take the defaults that
// trained the shipped model.
type TrainOptions struct {
	// Corpus is the shared corpus root (holding ner/conll2003); required.
	Corpus string
	// Epochs of the perceptron (default 12).
	Epochs int
	// Folds for jackknifing the training gazetteer and the first pass's
	// labels that train the second pass (default 5, at least 2).
	Folds int
	// SinglePass trains the first pass only (faster, less accurate).
	SinglePass bool
	// Clusters is the number of Brown clusters to learn from the corpus's
	// unlabeled text, 0 for none (the default: the corpus's 3.7 million
	// tokens of 2000s-2020s news gave clusters that cost eng.testa, 1996
	// Reuters, 0.3 to 0.5 F1 whatever their number or source), and
	// ClusterMinCount the fewest occurrences of a clustered word (default 3).
	Clusters, ClusterMinCount int
	// Seed fixes the perceptron's shuffling (default 1).
	Seed uint64
	// Logger receives progress; nil discards it.
	Logger *slog.Logger
}

func (o *TrainOptions) defaults() {
	o.Epochs = cmp.Or(o.Epochs, 12)
	o.Folds = max(cmp.Or(o.Folds, 5), 2)
	o.ClusterMinCount = cmp.Or(o.ClusterMinCount, 3)
	o.Seed = cmp.Or(o.Seed, 1)
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
}

// ErrNoCorpus is returned by Train when the training file is missing.
var ErrNoCorpus = errors.New("ner training corpus not found")

// labelled is a training document: tokens and BILOU labels.
type labelled struct {
	tokens [][]string
	labels [][]int
}

func toLabelled(docs []Document) []labelled {
	out := make([]labelled, len(docs))
	for d, doc := range docs {
		for _, s := range doc {
			out[d].tokens = append(out[d].tokens, s.Tokens)
			out[d].labels = append(out[d].labels, encodeSpans(spanTypes(s.Tags)))
		}
	}
	return out
}

// Train trains a tagger on CoNLL-2003 eng.train, with casing learnt from
// the corpus's unlabeled text and gazetteers from GMB. It is
// deterministic: the same corpus and options give the same model file.
func Train(opt TrainOptions) (*Tagger, error) {
	opt.defaults()
	log := opt.Logger
	start := time.Now()
	data, err := readTrainingData(opt.Corpus)
	if err != nil {
		return nil, err
	}
	log.Info("unlabeled text", "sentences", len(data.unlabeled), "elapsed", time.Since(start).Round(time.Millisecond))
	data.clusters = map[string]wordcluster.Path{}
	if opt.Clusters > 0 {
		data.clusters = wordcluster.Brown(data.unlabeled, opt.Clusters, opt.ClusterMinCount)
		log.Info("brown clusters", "words", len(data.clusters), "elapsed", time.Since(start).Round(time.Millisecond))
	}
	t := fit(data, opt)
	log.Info("trained", "elapsed", time.Since(start).Round(time.Millisecond))
	return t, nil
}

// trainingData is what Train reads from the corpus.
type trainingData struct {
	docs      []labelled
	unlabeled [][]string // including the training text
	forms     map[string]string
	aux       *gazetteer
	titles    map[uint64]bool
	clusters  map[string]wordcluster.Path
}

func readTrainingData(root string) (*trainingData, error) {
	trainDocs, err := readCoNLLFile(filepath.Join(root, "ner", "conll2003", "eng.train"), -1)
	if err != nil {
		return nil, fmt.Errorf("train ner: %w: %w", ErrNoCorpus, err)
	}
	data := &trainingData{docs: toLabelled(trainDocs)}
	data.unlabeled, err = readUnlabeled(root)
	if err != nil {
		return nil, fmt.Errorf("train ner: %w", err)
	}
	for _, d := range data.docs {
		data.unlabeled = append(data.unlabeled, d.tokens...)
	}
	var lowerShare map[string]float64
	data.forms, lowerShare = caseForms(data.unlabeled, 2)
	data.aux, data.titles, err = gmbGazetteer(root, lowerShare)
	if err != nil {
		return nil, fmt.Errorf("train ner: %w", err)
	}
	return data, nil
}

// fit trains the passes of a tagger.
func fit(data *trainingData, opt TrainOptions) *Tagger {
	log := opt.Logger
	docs := data.docs
	folds := opt.Folds
	foldOf := func(d int) int { return d % folds }
	// The training gazetteer a document sees holds only the entities of
	// other folds, so that the model does not learn to trust it blindly.
	foldGaz := make([]*gazetteer, folds)
	full := newGazetteer()
	for f := range foldGaz {
		foldGaz[f] = newGazetteer()
	}
	for d, doc := range docs {
		for s := range doc.tokens {
			addEntities(full, doc.tokens[s], doc.labels[s])
			for f := range folds {
				if f != foldOf(d) {
					addEntities(foldGaz[f], doc.tokens[s], doc.labels[s])
				}
			}
		}
	}
	full.finish()
	for _, g := range foldGaz {
		g.finish()
	}
	infos := make([][]sentInfo, len(docs))
	for d, doc := range docs {
		lx := &lexicon{clusters: data.clusters, forms: data.forms, titles: data.titles, gaz: [nGaz]*gazetteer{gazTrain: foldGaz[foldOf(d)], gazAux: data.aux}}
		infos[d] = lx.docInfo(doc.tokens, nil)
	}
	all := func(int) bool { return true }
	t := &Tagger{
		lx:    &lexicon{clusters: data.clusters, forms: data.forms, titles: data.titles, gaz: [nGaz]*gazetteer{gazTrain: full, gazAux: data.aux}},
		first: trainPass(docs, infos, nil, all, opt),
	}
	log.Info("first pass trained")
	if !opt.SinglePass {
		// Jackknife: label each fold with a first pass trained without it.
		p2 := make([]*pass2, len(docs))
		for f := range folds {
			m := trainPass(docs, infos, nil, func(d int) bool { return foldOf(d) != f }, opt)
			for d := range docs {
				if foldOf(d) == f {
					p2[d] = newPass2(infos[d], decodeDocument(infos[d], m, nil, nil, nil))
				}
			}
			log.Info("jackknife fold", "fold", f)
		}
		t.second = trainPass(docs, infos, p2, all, opt)
		log.Info("second pass trained")
	}
	for _, m := range []*weights{t.first, t.second} {
		if m != nil {
			m.prune()
		}
	}
	return t
}

// trainPass trains one pass on the documents use accepts.
func trainPass(docs []labelled, infos [][]sentInfo, p2 []*pass2, use func(int) bool, opt TrainOptions) *weights {
	dict := newDictionary()
	ts := &trainSet{}
	var buf []uint64
	for d := range docs {
		if !use(d) {
			continue
		}
		var p *pass2
		if p2 != nil {
			p = p2[d]
		}
		for s := range infos[d] {
			keys := make([][]uint64, len(infos[d][s].toks))
			for i := range keys {
				buf = features(infos[d], s, i, p, buf[:0])
				keys[i] = append([]uint64(nil), buf...)
			}
			ts.add(dict, keys, docs[d].labels[s])
		}
	}
	return train(ts, dict, opt.Epochs, opt.Seed)
}

// addEntities adds the entities of a labelled sentence to g.
func addEntities(g *gazetteer, tokens []string, labels []int) {
	types, begins := decodeLabels(labels)
	for _, sp := range spansOf(types, begins) {
		g.add(tokens[sp.start:sp.end], typeIndex(sp.typ))
	}
}

func spansOf(types []string, begins []bool) []span {
	var out []span
	for i := range types {
		if types[i] == "" {
			continue
		}
		if begins[i] || len(out) == 0 {
			out = append(out, span{i, i + 1, types[i]})
			continue
		}
		out[len(out)-1].end = i + 1
	}
	return out
}

// gmbGazetteer collects the entities of the GMB corpus in CoNLL's types:
// geo -> LOC, org -> ORG, per -> PER without leading titles ("President",
// "Mr."), and gpe (mostly nationalities: "Iraqi"), art, eve, nat -> MISC.
func gmbGazetteer(root string, lowerShare map[string]float64) (*gazetteer, map[uint64]bool, error) {
	g := newGazetteer()
	titleCounts := map[string]int{}
	for _, name := range []string{"train.conll", "dev.conll"} {
		docs, err := readCoNLLFile(filepath.Join(root, "ner", "gmb", name), -1)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, nil, err
		}
		for _, doc := range docs {
			for _, s := range doc {
				types, begins := spanTypes(s.Tags)
				for _, sp := range spansOf(types, begins) {
					toks := s.Tokens[sp.start:sp.end]
					t := -1
					switch sp.typ {
					case "geo":
						t = typeIndex("LOC")
					case "org":
						t = typeIndex("ORG")
					case "per":
						t = typeIndex("PER")
						for len(toks) > 0 && isTitle(toks[0], lowerShare) {
							titleCounts[strings.ToLower(toks[0])]++
							toks = toks[1:]
						}
					case "gpe", "art", "eve", "nat":
						t = typeIndex("MISC")
					}
					if t >= 0 {
						g.add(toks, t)
					}
				}
			}
		}
	}
	g.finish()
	// Titles seen at least thrice: "Mr.", "President", "Minister"...
	titles := map[uint64]bool{}
	for w, n := range titleCounts {
		if n >= 3 {
			titles[hashString(w)] = true
		}
	}
	return g, titles, nil
}

// isTitle reports a word that heads a GMB person span but is not a name:
// an abbreviation like "Mr." or a word often written in lower case.
func isTitle(w string, lowerShare map[string]float64) bool {
	if strings.HasSuffix(w, ".") && len(w) <= 4 {
		return true
	}
	return lowerShare[strings.ToLower(w)] >= 0.1
}

// Evaluate tags documents and scores the tags against their gold tags.
func Evaluate(t *Tagger, docs []Document) *Score {
	sc := NewScore()
	for _, doc := range docs {
		sents := make([][]string, len(doc))
		for i, s := range doc {
			sents[i] = s.Tokens
		}
		pred := t.TagDocument(sents)
		for i, s := range doc {
			sc.Add(s.Tags, pred[i])
		}
	}
	return sc
}
