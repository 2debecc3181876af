package quote

// closeParens carries a content or a source that ends inside a
// parenthesis, "would consider Rep. Don Beyer (D-Va", on to the
// parenthesis' close when that comes within four tokens in the same
// sentence. Cross-validated on train: content +3 true positives, 3 false
// ones fewer; for sources (added later), 1 more right and 2 wrong fewer,
// 1 more direct quote with its speaker, and on dev 1 right source more.
func closeParens(v *view, rels []rel) []rel {
	for k := range rels {
		r := &rels[k]
		if n := len(r.content); n > 0 {
			v.closeParen(&r.content[n-1])
		}
		if n := len(r.source); n > 0 {
			v.closeParen(&r.source[n-1])
		}
	}
	return rels
}

// closeParen moves the end of piece c past the close of a parenthesis
// left open in it, when that comes within four tokens in its sentence.
func (v *view) closeParen(c *[2]int) {
	depth := 0
	for i := c[0]; i < c[1]; i++ {
		switch v.lw[i] {
		case "(":
			depth++
		case ")":
			depth = max(0, depth-1)
		}
	}
	if depth == 0 {
		return
	}
	for j := c[1]; j < len(v.toks) && j < c[1]+4 && v.sentOf[j] == v.sentOf[c[1]-1]; j++ {
		if v.lw[j] == ")" {
			c[1] = j + 1
			return
		}
	}
}
