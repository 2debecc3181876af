package pos

// Tag is a part of speech, from a set coarser than the Penn Treebank's:
// what later stages read of a word's role in its clause (a verb's tense
// and form, a wh-word, "to"), without distinctions they do not use
// (comparative adjectives, plural nouns).
type Tag uint8

// The tags. Other holds punctuation, symbols and foreign words.
const (
	Other      Tag = iota
	Noun           // NN NNS
	Proper         // NNP NNPS
	Verb           // VB: base form
	Past           // VBD
	Present        // VBZ VBP
	Participle     // VBN
	Gerund         // VBG
	Modal          // MD
	Adj            // JJ JJR JJS
	Adv            // RB RBR RBS
	Prep           // IN
	To             // TO
	Det            // DT PDT
	Pron           // PRP PRP$ EX
	Wh             // WDT WP WP$ WRB
	Conj           // CC
	Num            // CD
	Particle       // RP POS
	numTags
)

var names = [numTags]string{"X", "NOUN", "PROPN", "VB", "VBD", "VBP", "VBN", "VBG", "MD", "ADJ", "ADV", "IN", "TO", "DET", "PRON", "WH", "CC", "NUM", "PRT"}

func (t Tag) String() string {
	if t < numTags {
		return names[t]
	}
	return "?"
}

// FromPenn maps a Penn Treebank tag to its Tag; unknown tags are Other.
func FromPenn(p string) Tag {
	switch p {
	case "NN", "NNS":
		return Noun
	case "NNP", "NNPS":
		return Proper
	case "VB":
		return Verb
	case "VBD":
		return Past
	case "VBZ", "VBP":
		return Present
	case "VBN":
		return Participle
	case "VBG":
		return Gerund
	case "MD":
		return Modal
	case "JJ", "JJR", "JJS":
		return Adj
	case "RB", "RBR", "RBS":
		return Adv
	case "IN":
		return Prep
	case "TO":
		return To
	case "DT", "PDT":
		return Det
	case "PRP", "PRP$", "EX":
		return Pron
	case "WDT", "WP", "WP$", "WRB":
		return Wh
	case "CC":
		return Conj
	case "CD":
		return Num
	case "RP", "POS":
		return Particle
	}
	return Other
}
