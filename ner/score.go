package ner

import (
	"fmt"
	"io"
	"sort"
)

// Score counts phrase-level agreement between gold and predicted tags
// the way conlleval.pl (CoNLL-2000/2003 shared tasks, Tjong Kim Sang)
// does: an entity is correct when its first token, last token and type
// all match.
type Score struct {
	Tokens, CorrectTags int
	Gold, Found         map[string]int // entities per type
	Correct             map[string]int // correctly found entities per type
}

// NewScore returns an empty Score.
func NewScore() *Score {
	return &Score{Gold: map[string]int{}, Found: map[string]int{}, Correct: map[string]int{}}
}

type span struct {
	start, end int
	typ        string
}

func spans(tags []string) []span {
	types, begins := spanTypes(tags)
	var out []span
	for i := range types {
		if types[i] == "" {
			continue
		}
		if begins[i] || len(out) == 0 {
			out = append(out, span{i, i + 1, types[i]})
			continue
		}
		out[len(out)-1].end = i + 1
	}
	return out
}

// Add counts one sentence. gold and pred must have the same length.
func (s *Score) Add(gold, pred []string) {
	s.Tokens += len(gold)
	for i := range gold {
		if gold[i] == pred[i] {
			s.CorrectTags++
		}
	}
	g, p := spans(gold), spans(pred)
	set := make(map[span]bool, len(g))
	for _, sp := range g {
		s.Gold[sp.typ]++
		set[sp] = true
	}
	for _, sp := range p {
		s.Found[sp.typ]++
		if set[sp] {
			s.Correct[sp.typ]++
		}
	}
}

// PRF returns precision, recall and F1 in percent for one type, or for
// all types when typ is "".
func (s *Score) PRF(typ string) (p, r, f float64) {
	var gold, found, correct int
	for t, n := range s.Gold {
		if typ == "" || t == typ {
			gold += n
		}
	}
	for t, n := range s.Found {
		if typ == "" || t == typ {
			found += n
		}
	}
	for t, n := range s.Correct {
		if typ == "" || t == typ {
			correct += n
		}
	}
	if found > 0 {
		p = 100 * float64(correct) / float64(found)
	}
	if gold > 0 {
		r = 100 * float64(correct) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Report writes a summary in conlleval's layout.
func (s *Score) Report(w io.Writer) {
	found, correct, gold := 0, 0, 0
	for _, n := range s.Found {
		found += n
	}
	for _, n := range s.Correct {
		correct += n
	}
	for _, n := range s.Gold {
		gold += n
	}
	acc := 0.0
	if s.Tokens > 0 {
		acc = 100 * float64(s.CorrectTags) / float64(s.Tokens)
	}
	p, r, f := s.PRF("")
	fmt.Fprintf(w, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n", s.Tokens, gold, found, correct)
	fmt.Fprintf(w, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n", acc, p, r, f)
	var types []string
	seen := map[string]bool{}
	for _, m := range []map[string]int{s.Gold, s.Found} {
		for t := range m {
			if !seen[t] {
				seen[t] = true
				types = append(types, t)
			}
		}
	}
	sort.Strings(types)
	for _, t := range types {
		p, r, f := s.PRF(t)
		fmt.Fprintf(w, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n", t, p, r, f, s.Found[t])
	}
}
