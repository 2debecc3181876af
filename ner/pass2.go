package ner

// pass2 carries the first pass's labels of a document and their
// aggregates, for the document-consistency features of the second pass
// (after Krishnan and Manning 2006, "An effective two-stage model for
// exploiting non-local dependencies in named entity recognition").
type pass2 struct {
	labels   [][]int
	tokTypes map[uint64][5]int // capitalised token (lower-case hash) -> label type counts, O last
	entTypes map[uint64][5]int // entity string hash -> type counts
	entKey   [][]uint64        // per token, hash of the first-pass entity containing it (0: none)
	first    map[uint64][2]int // capitalised token (lower-case hash) -> its first occurrence
	entLen   [][]int           // per token, length of the first-pass entity containing it
	longest  map[uint64][2]int // token (lower-case hash) -> length and type of the longest entity holding it
}

func newPass2(si []sentInfo, labels [][]int) *pass2 {
	p := &pass2{labels: labels, tokTypes: map[uint64][5]int{}, entTypes: map[uint64][5]int{}, first: map[uint64][2]int{}, longest: map[uint64][2]int{}}
	p.entKey = make([][]uint64, len(si))
	p.entLen = make([][]int, len(si))
	for s := range si {
		toks := si[s].toks
		p.entKey[s] = make([]uint64, len(toks))
		p.entLen[s] = make([]int, len(toks))
		for i := range toks {
			if toks[i].cs < caseTitle {
				continue
			}
			if _, ok := p.first[toks[i].lw]; !ok {
				p.first[toks[i].lw] = [2]int{s, i}
			}
			c := p.tokTypes[toks[i].lw]
			c[typeSlot(labels[s][i])]++
			p.tokTypes[toks[i].lw] = c
		}
		for i := 0; i < len(toks); {
			t := labelType(labels[s][i])
			if t < 0 {
				i++
				continue
			}
			j := i + 1
			for j < len(toks) && labelType(labels[s][j]) == t && labelPart(labels[s][j]) != partB && labelPart(labels[s][j]) != partU {
				j++
			}
			h := uint64(gazSeed)
			for k := i; k < j; k++ {
				h = mix(h, toks[k].lw)
			}
			for k := i; k < j; k++ {
				p.entKey[s][k] = h
				p.entLen[s][k] = j - i
				if l := p.longest[toks[k].lw]; j-i > l[0] {
					p.longest[toks[k].lw] = [2]int{j - i, t}
				}
			}
			c := p.entTypes[h]
			c[t]++
			p.entTypes[h] = c
			i = j
		}
	}
	return p
}

func typeSlot(l int) int {
	if t := labelType(l); t >= 0 {
		return t
	}
	return 4
}

// majority returns the slot with the largest count and the total, after
// taking one away from slot own (the token itself).
func majority(c [5]int, own int) (best, total int) {
	if own >= 0 {
		c[own]--
	}
	best = -1
	for k, n := range c {
		total += n
		if n > 0 && (best < 0 || n > c[best]) {
			best = k
		}
	}
	return best, total
}

// features appends the second pass's features of token i of sentence s.
func (p2 *pass2) features(toks []tokInfo, s, i int, buf []uint64) []uint64 {
	t := &toks[i]
	labels := p2.labels[s]
	lab := func(k int) uint64 {
		if k < 0 || k >= len(toks) {
			return 99
		}
		return uint64(labels[k])
	}
	buf = append(buf,
		key1(tPass1, lab(i)),
		key1(tPass1Prev, lab(i-1)),
		key1(tPass1Next, lab(i+1)),
		key2(tPass1Pair, lab(i-1), lab(i)),
		key2(tPass1Far, lab(i-2), lab(i+2)),
	)
	if t.cs >= caseTitle {
		if best, total := majority(p2.tokTypes[t.lw], typeSlot(labels[i])); best >= 0 {
			buf = append(buf,
				key1(tTokMajority, uint64(best)),
				key2(tTokMajorityCount, uint64(best), uint64(min(total, 4))),
				key2(tTokMajorityPass1, uint64(best), uint64(labels[i])))
		}
		if l := p2.longest[t.lw]; l[0] > p2.entLen[s][i] {
			// A fuller name elsewhere ("Vladimir Putin" for "Putin").
			buf = append(buf, key2(tLongest, uint64(l[1]), uint64(min(l[0], 4))))
		}
		if f := p2.first[t.lw]; f != [2]int{s, i} {
			buf = append(buf, key1(tFirstMention, uint64(p2.labels[f[0]][f[1]])))
		}
	}
	if h := p2.entKey[s][i]; h != 0 {
		own := labelType(labels[i])
		if best, _ := majority(p2.entTypes[h], own); best >= 0 {
			buf = append(buf, key2(tEntMajority, uint64(best), uint64(labelPart(labels[i]))))
		}
	}
	return buf
}
