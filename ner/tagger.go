package ner

// A Tagger labels tokens with named entities. It is safe for concurrent
// use; load it once with Load and share it.
type Tagger struct {
	lx     *lexicon
	first  *weights // local and document-casing features
	second *weights // plus the first pass's labels across the document; may be nil
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

// labelDocument returns the BILOU labels of a document. A token's local
// features are the same in both passes, so they are hashed once.
func (t *Tagger) labelDocument(doc [][]string) [][]int {
	si := t.lx.docInfo(doc)
	local := newLocalKeys(si)
	labels := decodeDocument(si, t.first, nil, local)
	if t.second != nil {
		labels = decodeDocument(si, t.second, newPass2(si, labels), local)
	}
	return labels
}

// localKeys holds the local feature keys of every token of a document,
// end to end; token k of the document has keys[ends[k-1]:ends[k]].
type localKeys struct {
	keys []uint64
	ends []int32
}

func newLocalKeys(si []sentInfo) *localKeys {
	n := 0
	for s := range si {
		n += len(si[s].toks)
	}
	lk := &localKeys{keys: make([]uint64, 0, n*40), ends: make([]int32, 0, n)}
	for s := range si {
		for i := range si[s].toks {
			lk.keys = localFeatures(si[s].toks, i, lk.keys)
			lk.ends = append(lk.ends, int32(len(lk.keys)))
		}
	}
	return lk
}

// of returns the keys of the document's k-th token.
func (lk *localKeys) of(k int) []uint64 {
	start := int32(0)
	if k > 0 {
		start = lk.ends[k-1]
	}
	return lk.keys[start:lk.ends[k]]
}

// decodeDocument labels each sentence with the model m; local holds the
// tokens' local features (nil: work them out here).
func decodeDocument(si []sentInfo, m *weights, p2 *pass2, local *localKeys) [][]int {
	L := numLabels
	out := make([][]int, len(si))
	var em []float32
	var back []int32
	var buf []uint64
	k := 0 // the token's number in the document
	for s := range si {
		n := len(si[s].toks)
		em = growF(em, n*L)
		back = growI(back, n*L)
		for i := range n {
			var keys []uint64
			switch {
			case local == nil:
				buf = features(si, s, i, p2, buf[:0])
				keys = buf
			case p2 == nil:
				keys = local.of(k)
			default:
				// The second pass's features follow the local ones in one
				// list: emit rounds a token's sum once.
				buf = p2.features(si[s].toks, s, i, append(buf[:0], local.of(k)...))
				keys = buf
			}
			m.emit(keys, em[i*L:i*L+L])
			k++
		}
		out[s] = viterbiWith(taggingPredecessors, em, n, m.trans, nil, back)
	}
	return out
}
