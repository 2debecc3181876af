package quote

// dropTitles takes out of each content the quotation, after its cue,
// that names the programme or paper the words were said in: "…,” Pence
// said on CNN's “State of the Union.”" The labellers read any quotation
// after a speech verb as more of the speech; a short quotation in title
// case after "on", "in", "to", "of" or a possessive is a name. Where the
// speech goes on after the name ("… on “Fox and Friends.” “I mean, …”")
// the piece keeps what follows it. The end of such a name before the cue
// ("On “Fox News Sunday,” Pence said …") is dropped from the content too.
func dropTitles(v *view, rels []rel) []rel {
	for k := range rels {
		r := &rels[k]
		var out [][2]int
		for _, c := range r.content {
			if c[1] <= r.cue[0] && len(r.content) > 1 && v.state[c[1]-1] == closeMark {
				// The end of a title before the cue: "On “Fox News
				// Sunday,” Pence said …".
				if open, ok := v.quotationTo(c[1] - 1); ok {
					if _, ok := titleQuote(v, open); ok {
						continue
					}
				}
			}
			if c[0] >= r.cue[1] {
				if q, ok := titleQuote(v, c[0]); ok {
					if q+1 < c[1] {
						out = append(out, [2]int{q + 1, c[1]})
					}
					continue
				}
			}
			out = append(out, c)
		}
		r.content = out
	}
	return rels
}

// titleQuote reports whether the quotation opening at token i is a title
// and, if so, its closing mark.
func titleQuote(v *view, i int) (q int, ok bool) {
	if v.state[i] != openMark || i == 0 || !titleLeads[v.lw[i-1]] {
		return 0, false
	}
	capitals := 0
	for q = i + 1; q < len(v.toks) && q-i <= 8 && v.qid[q] == v.qid[i]; q++ {
		if v.state[q] == closeMark {
			return q, capitals > 0
		}
		switch w := v.toks[q].Text; {
		case nameWord(w):
			capitals++
		case titleSmall[v.lw[q]] || w == "." || w == "," || w == "!" || w == "?":
		default:
			return 0, false
		}
	}
	return 0, false
}

// titleLeads come before the name of a programme or paper.
var titleLeads = wordSet(`on in to of ’s 's`)

// titleSmall are the words title case leaves in lower case.
var titleSmall = wordSet(`a an and the of in on for to with at by or`)
