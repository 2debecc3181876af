package quote

// restOfSentence is the content of a plain verb of saying that the
// labeller and the content ranker left without one: "A Democratic source
// said he could not answer the questions because …". After "said",
// "says", "noted" and their kind, with the source before the verb, the
// rest of the sentence is what was said; in PolNeAR it is the content
// as it stands. Reckoned on the training split labelled by models
// trained on its other half, these contents are right more often than
// the F1 they are scored by, so adding them raises it. Nil where the
// layout is another: the verb signs a quotation before it (", said Jane
// Doe") or opens one, a circumstance comes first with no "that" after
// it ("said during the rally"), or fewer than three words are left.
func restOfSentence(v *view, win, cue [2]int) [][2]int {
	if !plainSaying(v.lw[cue[1]-1]) || cue[1] >= win[1] ||
		cue[0] > win[0] && (v.lw[cue[0]-1] == "," || v.state[cue[0]-1] == closeMark) {
		return nil
	}
	a := cue[1]
	if v.state[a] == openMark || stops(v.lw[a]) {
		return nil
	}
	end := a
	for end < win[1] && v.sentOf[end] == v.sentOf[a] {
		end++
	}
	if circumstance[v.lw[a]] || asideOpeners[v.lw[a]] {
		// "said during a Friday evening rally in Michigan that …"
		k := a
		for k < end && k < a+15 && v.lw[k] != "that" {
			k++
		}
		if k == end || k == a+15 {
			return nil
		}
		a = k
	}
	for k := a; k < end; k++ {
		if v.state[k] == closeMark && signedBy(v, k, end) {
			return nil // a quotation signed in the sentence: “…,” the union wrote
		}
	}
	for end > a && (stops(v.lw[end-1]) || v.lw[end-1] == `"`) {
		end--
	}
	if end-a < 3 {
		return nil
	}
	return [][2]int{{a, end}}
}

// plainSaying reports the verbs of saying whose object is what was said,
// with no listener or topic before it ("told", "asked" take one).
func plainSaying(lw string) bool {
	switch lw {
	case "said", "says", "say", "added", "wrote", "writes", "stated", "noted", "notes", "argued", "argues", "insisted":
		return true
	}
	return false
}

// signedBy reports a cue within the four tokens after the closing mark
// at k, before end.
func signedBy(v *view, k, end int) bool {
	for j := k + 1; j < min(end, k+5); j++ {
		if v.cueAt[j] {
			return true
		}
	}
	return false
}
