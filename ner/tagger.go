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

// labelDocument returns the BILOU labels of a document.
func (t *Tagger) labelDocument(doc [][]string) [][]int {
	si := t.lx.docInfo(doc)
	labels := decodeDocument(si, t.first, nil)
	if t.second != nil {
		labels = decodeDocument(si, t.second, newPass2(si, labels))
	}
	return labels
}

// decodeDocument labels each sentence with the model m.
func decodeDocument(si []sentInfo, m *weights, p2 *pass2) [][]int {
	L := numLabels
	out := make([][]int, len(si))
	var em []float32
	var back []int32
	var buf []uint64
	for s := range si {
		n := len(si[s].toks)
		em = growF(em, n*L)
		back = growI(back, n*L)
		for i := range n {
			buf = features(si, s, i, p2, buf[:0])
			m.emit(buf, em[i*L:i*L+L])
		}
		out[s] = viterbiWith(taggingPredecessors, em, n, m.trans, nil, back)
	}
	return out
}
