package ner

// Entity types of the CoNLL-2003 convention, in label order.
var entityTypes = []string{"PER", "ORG", "LOC", "MISC"}

// Internally a tagger labels tokens in the BILOU scheme (Begin, Inside,
// Last, Outside, Unit), which Ratinov and Roth (2009, "Design challenges
// and misconceptions in named entity recognition") found better than BIO
// for a linear model. Label 0 is O; type t (index into entityTypes) has
// labels 1+4t+{B,I,L,U}.
const (
	partB = iota
	partI
	partL
	partU
	nParts
)

// nTypes is len(entityTypes), as a constant for array sizes.
const nTypes = 4

const numLabels = 1 + nParts*nTypes

func label(typ, part int) int { return 1 + typ*nParts + part }

// labelType returns the type index of a label, or -1 for O.
func labelType(l int) int {
	if l == 0 {
		return -1
	}
	return (l - 1) / nParts
}

func labelPart(l int) int { return (l - 1) % nParts }

// allowed reports whether label b may follow label a; a < 0 is the start
// of the sentence and b < 0 its end.
func allowed(a, b int) bool {
	open := a >= 0 && a != 0 && (labelPart(a) == partB || labelPart(a) == partI)
	if b < 0 {
		return !open
	}
	if open {
		return b != 0 && labelType(b) == labelType(a) && (labelPart(b) == partI || labelPart(b) == partL)
	}
	return b == 0 || labelPart(b) == partB || labelPart(b) == partU
}

// encodeSpans turns entity types and begin marks (see spanTypes) into
// BILOU labels. Unknown types are treated as outside.
func encodeSpans(types []string, begins []bool) []int {
	out := make([]int, len(types))
	for i := 0; i < len(types); {
		t := typeIndex(types[i])
		if t < 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(types) && types[j] == types[i] && !begins[j] {
			j++
		}
		if j-i == 1 {
			out[i] = label(t, partU)
		} else {
			out[i] = label(t, partB)
			for k := i + 1; k < j-1; k++ {
				out[k] = label(t, partI)
			}
			out[j-1] = label(t, partL)
		}
		i = j
	}
	return out
}

// decodeLabels turns a label sequence into entity types and begin marks.
// It is lenient with sequences the decoder's constraints rule out.
func decodeLabels(labels []int) (types []string, begins []bool) {
	types = make([]string, len(labels))
	begins = make([]bool, len(labels))
	prevOpen := -1 // type of an entity still open, or -1
	for i, l := range labels {
		t := labelType(l)
		if t < 0 {
			prevOpen = -1
			continue
		}
		types[i] = entityTypes[t]
		p := labelPart(l)
		begins[i] = p == partB || p == partU || prevOpen != t
		if p == partB || p == partI {
			prevOpen = t
		} else {
			prevOpen = -1
		}
	}
	return types, begins
}

func typeIndex(s string) int {
	for i, t := range entityTypes {
		if t == s {
			return i
		}
	}
	return -1
}
