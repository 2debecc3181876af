package ner

// A Tagger labels tokens with named entities. It is safe for concurrent
// use; load it once with Load and share it.
type Tagger struct {
	lx     *lexicon
	first  *weights // local and document-casing features
	second *weights // plus the first pass's labels across the document; may be nil
	known  *knownWords
}

// Tag returns the IOB1 tags (as in the CoNLL-2003 files: "I-PER", "O",
// "B-LOC" only between two adjacent entities of one type) of one sentence,
// taken as a document of its own.
func (t *Tagger) Tag(tokens []string) []string {
	return t.TagDocument([][]string{tokens})[0]
}

// TagDocument tags the sentences of one document together, so that a name
// tagged with confidence in one sentence informs its other mentions.
func (t *Tagger) TagDocument(sentences [][]string) [][]string {
	labels := t.labelDocument(sentences)
	out := make([][]string, len(labels))
	for i, l := range labels {
		out[i] = toIOB1(decodeLabels(l))
	}
	return out
}

// labelDocument returns the BILOU labels of a document.
func (t *Tagger) labelDocument(doc [][]string) [][]int {
	si := t.lx.docInfo(doc, t.known)
	local := newLocalKeys(si)
	labels := decodeDocument(si, t.first, nil, local, t.known.passSums(0))
	if t.second != nil {
		labels = decodeDocument(si, t.second, newPass2(si, labels), local, t.known.passSums(1))
	}
	return labels
}

// localKeys holds a document's local features, hashed once for both
// passes: the word features of each word number (tokInfo.word), and the
// context features of each token, end to end.
type localKeys struct {
	words keyList // by word number; a known word's holds its caseDocFeature only
	ctx   keyList // by the token's number in the document
	known []int32 // by word number: tokInfo.known
}

// keyList is lists of keys end to end: list j is keys[ends[j-1]:ends[j]].
type keyList struct {
	keys []uint64
	ends []int32
}

func (l *keyList) end() { l.ends = append(l.ends, int32(len(l.keys))) }

func (l *keyList) of(j int) []uint64 {
	start := int32(0)
	if j > 0 {
		start = l.ends[j-1]
	}
	return l.keys[start:l.ends[j]]
}

func newLocalKeys(si []sentInfo) *localKeys {
	n := 0
	for s := range si {
		n += len(si[s].toks)
	}
	lk := &localKeys{ctx: keyList{keys: make([]uint64, 0, n*16), ends: make([]int32, 0, n)}}
	for s := range si {
		toks := si[s].toks
		for i := range toks {
			// Word numbers are handed out in order of first appearance.
			if int(toks[i].word) == len(lk.words.ends) {
				if toks[i].known != 0 {
					lk.words.keys = append(lk.words.keys, caseDocFeature(&toks[i]))
				} else {
					lk.words.keys = wordFeatures(&toks[i], lk.words.keys)
				}
				lk.words.end()
				lk.known = append(lk.known, toks[i].known)
			}
			lk.ctx.keys = contextFeatures(toks, i, lk.ctx.keys)
			lk.ctx.end()
		}
	}
	return lk
}

// decodeDocument labels each sentence with the model m. local holds the
// tokens' local features; nil: work them out here. The weights of a
// word's word features are summed once per document and pass, and those
// of a known word's spelling features are in known, by its index in
// knownWords.
func decodeDocument(si []sentInfo, m *weights, p2 *pass2, local *localKeys, known [][numLabels]int32) [][]int {
	L := numLabels
	out := make([][]int, len(si))
	var em []float32
	var back []int32
	var buf []uint64
	var wordSums [][numLabels]int32
	if local != nil {
		wordSums = make([][numLabels]int32, len(local.words.ends))
		for w := range wordSums {
			if id := local.known[w]; id != 0 {
				wordSums[w] = known[id-1]
			}
			m.sum(local.words.of(w), &wordSums[w])
		}
	}
	k := 0 // the token's number in the document
	for s := range si {
		toks := si[s].toks
		n := len(toks)
		em = growF(em, n*L)
		back = growI(back, n*L)
		for i := range n {
			var acc [numLabels]int32
			if local == nil {
				m.sum(features(si, s, i, p2, buf[:0]), &acc)
			} else {
				acc = wordSums[toks[i].word]
				m.sum(local.ctx.of(k), &acc)
				if p2 != nil {
					buf = p2.features(toks, s, i, buf[:0])
					m.sum(buf, &acc)
				}
			}
			m.scores(&acc, em[i*L:i*L+L])
			k++
		}
		out[s] = viterbiWith(taggingPredecessors, em, n, m.trans, nil, back)
	}
	return out
}
