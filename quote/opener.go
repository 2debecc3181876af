package quote

// dropOpener cuts from a content that opens its sentence and ends
// before ", according to …" the writer's opening adverbial, up to its
// comma: "Meanwhile, her negative ratings have been rising, according
// to the poll" has the content "her negative ratings have been rising".
// The annotators leave such a link to the story out of what the source
// said; the labellers keep it.
func dropOpener(v *view, rels []rel) []rel {
	for k := range rels {
		r := &rels[k]
		if v.lw[r.cue[0]] != "according" || len(r.content) != 1 {
			continue
		}
		c := r.content[0]
		if c[1] > r.cue[0] || int(v.sentStart[c[0]]) != c[0] || !openers[v.lw[c[0]]] {
			continue
		}
		for j := c[0] + 1; j < c[1]-2 && j < c[0]+8; j++ {
			if v.lw[j] == "," {
				r.content[0][0] = j + 1
				break
			}
			if v.state[j] != outside {
				break
			}
		}
	}
	return rels
}

// openers begin an adverbial that links a sentence to the story.
var openers = wordSet(`meanwhile still however even despite yet but and so also instead overall
	indeed moreover further furthermore nationally separately additionally likewise similarly`)
