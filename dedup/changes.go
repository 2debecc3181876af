package dedup

// Change is one paragraph of a diff between two versions of an article.
type Change struct {
	// Op is "=" (kept), "-" (removed from the old version) or "+" (added
	// in the new one).
	Op   string `json:"op"`
	Text string `json:"text"`
}

// MaxDiffParagraphs bounds the quadratic diff; longer articles are
// compared as one removed and one added block.
const MaxDiffParagraphs = 2000

// Changes lists what changed between two versions of an article,
// paragraph by paragraph, with a longest-common-subsequence diff.
func Changes(old, new []string) []Change {
	if len(old)*len(new) > MaxDiffParagraphs*MaxDiffParagraphs/4 {
		var out []Change
		for _, p := range old {
			out = append(out, Change{"-", p})
		}
		for _, p := range new {
			out = append(out, Change{"+", p})
		}
		return out
	}
	// lcs[i][j] is the LCS length of old[i:] and new[j:].
	lcs := make([][]int, len(old)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(new)+1)
	}
	for i := len(old) - 1; i >= 0; i-- {
		for j := len(new) - 1; j >= 0; j-- {
			if old[i] == new[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []Change
	i, j := 0, 0
	for i < len(old) && j < len(new) {
		switch {
		case old[i] == new[j]:
			out = append(out, Change{"=", old[i]})
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, Change{"-", old[i]})
			i++
		default:
			out = append(out, Change{"+", new[j]})
			j++
		}
	}
	for ; i < len(old); i++ {
		out = append(out, Change{"-", old[i]})
	}
	for ; j < len(new); j++ {
		out = append(out, Change{"+", new[j]})
	}
	return out
}
