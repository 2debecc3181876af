package quote

import (
	"testing"

	"github.com/datelinehq/dateline/segment"
)

// TestKnownWords checks that what the model works out once per lexicon
// word (lexicon.known, Model.cueWords) is what it would work out in the
// text: the same word facts and the same cue word sums.
func TestKnownWords(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	text := []rune("“Everything concerning Ukraine must be discussed exclusively with Ukraine,” Zelenskyy insisted. " +
		"Kremlin spokesperson Dmitry Peskov said the delegations would meet in Anchorage, CNN reported.")
	v := newView(text, segment.Split(string(text)))
	info := v.infos(m.lex)
	fast := m.cueWordSums(info)
	plain := *m
	plain.cueWords = nil
	slow := plain.cueWordSums(info)
	known := 0
	for i, lw := range v.lw {
		got := info[i]
		if got.lex != 0 {
			known++
		}
		want := m.lex.resolve(lw)
		got.lex, got.word, got.shape, got.class, got.pos = 0, 0, 0, 0, 0
		if got != want {
			t.Errorf("%q: known %+v, worked out %+v", lw, got, want)
		}
		if w := info[i].word; fast[w] != slow[w] {
			t.Errorf("%q: cue word sums %v, worked out %v", lw, fast[w], slow[w])
		}
	}
	if known < 20 {
		t.Fatalf("only %d tokens read as lexicon words", known)
	}
}
