package quote

// closeParens carries a content that ends inside a parenthesis, "would
// consider Rep. Don Beyer (D-Va", on to the parenthesis' close when that
// comes within four tokens in the same sentence. Cross-validated on
// train: content +3 true positives, 3 false ones fewer.
func closeParens(v *view, rels []rel) []rel {
	for _, c := range lastPieces(rels) {
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
			continue
		}
		for j := c[1]; j < len(v.toks) && j < c[1]+4 && v.sentOf[j] == v.sentOf[c[1]-1]; j++ {
			if v.lw[j] == ")" {
				c[1] = j + 1
				break
			}
		}
	}
	return rels
}
