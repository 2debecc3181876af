package ner

import (
	"maps"
	"slices"
)

// knownWords holds what tagging would otherwise work out again in every
// document for the words of running text the lexicon knows (the
// commonest spelling of each word of its unlabeled text): the word's
// tokInfo as a token inside a sentence in ordinary case, and each pass's
// sum of its spellingFeatures. Most of an article's tokens are such
// words, and summing their word features' weights afresh per document
// took about 6% of the whole analysis of an article page (a CPU profile
// of analyze's BenchmarkArticle). Built once per model, in about 0.15 s
// of CPU and 18 MB.
type knownWords struct {
	ids   map[uint64]int32 // hashString(spelling) → index
	infos []tokInfo
	sums  [2][][numLabels]int32 // by pass (Tagger.first, Tagger.second), then index
}

func newKnownWords(lx *lexicon, passes [2]*weights) *knownWords {
	words := slices.Compact(slices.Sorted(maps.Values(lx.forms)))
	kw := &knownWords{ids: make(map[uint64]int32, len(words)), infos: make([]tokInfo, len(words))}
	clash := map[uint64]bool{}
	for i, w := range words {
		t := &kw.infos[i]
		lx.tokenInfo(t, w, 1, false, false)
		t.known = int32(i) + 1
		k := hashString(w)
		if _, dup := kw.ids[k]; dup || clash[k] {
			// Words that share a hash are worked out each time.
			delete(kw.ids, k)
			clash[k] = true
			continue
		}
		kw.ids[k] = int32(i)
	}
	var buf []uint64
	for p, m := range passes {
		if m == nil {
			continue
		}
		kw.sums[p] = make([][numLabels]int32, len(words))
		for i := range kw.infos {
			buf = spellingFeatures(&kw.infos[i], buf[:0])
			m.sum(buf, &kw.sums[p][i])
		}
	}
	return kw
}

// info returns the stored tokInfo of word w, the i-th of its sentence,
// or nil: it is stored only for known words inside a sentence that is
// not a headline. kw may be nil. Words are looked up by their 64-bit
// hash, which spares the string comparison's memory access; a word
// outside the lexicon whose hash is a known word's would read as that
// word, as the features, which key words by the same hash, read it
// already.
func (kw *knownWords) info(w string, i int, headline bool) *tokInfo {
	if kw == nil || i == 0 || headline {
		return nil
	}
	id, ok := kw.ids[hashString(w)]
	if !ok {
		return nil
	}
	return &kw.infos[id]
}

// passSums returns pass p's sums by index; kw may be nil.
func (kw *knownWords) passSums(p int) [][numLabels]int32 {
	if kw == nil {
		return nil
	}
	return kw.sums[p]
}
