package wordnet

import "testing"

func TestOf(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		w    string
		verb uint8 // a class among the word's verb senses
		noun uint8 // a class among its noun senses, or 0
	}{
		{"said", VerbCommunication, 0},
		{"told", VerbCommunication, 0},
		{"grilled", VerbCommunication, 0},
		{"denies", VerbCommunication, 0},
		{"believes", VerbCognition, 0},
		{"planning", VerbCognition, 0},
		{"questioned", VerbCommunication, 0},
		{"statement", 0, NounCommunication},
		{"claims", VerbCommunication, NounCommunication},
	} {
		got := d.Of(c.w)
		if c.verb != 0 && !has(got.Verb, c.verb) {
			t.Errorf("Of(%q).Verb = %v, want %d among them", c.w, got.Verb, c.verb)
		}
		if c.noun != 0 && !has(got.Noun, c.noun) {
			t.Errorf("Of(%q).Noun = %v, want %d among them", c.w, got.Noun, c.noun)
		}
	}
	if got := d.Of("xqzzy"); got != (Classes{}) {
		t.Errorf("Of(unknown word) = %v, want none", got)
	}
	if got := d.Of(""); got != (Classes{}) {
		t.Errorf("Of(\"\") = %v, want none", got)
	}
}

func has(cs [3]uint8, c uint8) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
