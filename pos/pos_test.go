package pos

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func TestAccuracy(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file string
		min  float64
	}{
		{"gmb/dev.conll", 98.3},
		{"conll2003/eng.testa", 94.7},
	} {
		var sents []Sentence
		for _, d := range readDocs(t, c.file) {
			sents = append(sents, d...)
		}
		right, all := Accuracy(tg, sents)
		acc := 100 * float64(right) / float64(all)
		t.Logf("%s: %.2f%% of %d tokens", c.file, acc, all)
		if acc < c.min {
			t.Errorf("%s: accuracy %.2f%%, want at least %.1f%%", c.file, acc, c.min)
		}
	}
}

func TestTag(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields(`Kremlin spokesperson Dmitry Peskov said the two leaders would meet in Anchorage on Friday . " We will see , " he told reporters .`)
	first := make([]bool, len(words))
	first[0], first[16] = true, true
	got := tg.Tag(words, first)
	want := map[string]Tag{"said": Past, "leaders": Noun, "would": Modal, "meet": Verb, "in": Prep, "Anchorage": Proper, "We": Pron, "will": Modal, "see": Verb, "he": Pron, "told": Past, "reporters": Noun, "the": Det, "two": Num}
	for i, w := range words {
		if tag, ok := want[w]; ok && got[i] != tag {
			t.Errorf("%q tagged %v, want %v", w, got[i], tag)
		}
	}
}

// The sentence marks decide what a word's neighbours are: words across
// a sentence start are not read.
func TestSentencesApart(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	a := strings.Fields("Officials said talks would continue .")
	b := strings.Fields("Talks continue .")
	both := append(append([]string(nil), a...), b...)
	first := make([]bool, len(both))
	first[len(a)] = true
	got := tg.Tag(both, first)
	alone := append(tg.Tag(a, nil), tg.Tag(b, nil)...)
	for i := range got {
		if got[i] != alone[i] {
			t.Errorf("%q: %v in the text, %v alone", both[i], got[i], alone[i])
		}
	}
}

func TestOddInput(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := tg.Tag(nil, nil); len(got) != 0 {
		t.Errorf("no words: %v", got)
	}
	odd := []string{"", "\xff\xfe", strings.Repeat("a", 1<<20), "\x00", "😀", "—"}
	if got := tg.Tag(odd, make([]bool, len(odd))); len(got) != len(odd) {
		t.Errorf("%d tags for %d words", len(got), len(odd))
	}
	// Marks shorter than the words: the rest open no sentence.
	if got := tg.Tag(odd, []bool{true, false, true}); len(got) != len(odd) {
		t.Errorf("%d tags for %d words", len(got), len(odd))
	}
}

// Train learns what it is shown, deterministically, and a stored tagger
// tags as the trained one does.
func TestTrainAndStore(t *testing.T) {
	sents := []Sentence{
		{Words: strings.Fields("the dog barked"), Tags: []Tag{Det, Noun, Past}},
		{Words: strings.Fields("a cat slept"), Tags: []Tag{Det, Noun, Past}},
		{Words: strings.Fields("dogs bark"), Tags: []Tag{Noun, Present}},
	}
	tg := Train(sents, 10)
	if right, all := Accuracy(tg, sents); right != all {
		t.Errorf("training sentences: %d of %d right", right, all)
	}
	var a, b bytes.Buffer
	if err := tg.WriteModel(&a); err != nil {
		t.Fatal(err)
	}
	if err := Train(sents, 10).WriteModel(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings on the same sentences stored different bytes")
	}
	read, err := ReadModel(&a)
	if err != nil {
		t.Fatal(err)
	}
	if right, all := Accuracy(read, sents); right != all {
		t.Errorf("stored tagger: %d of %d right", right, all)
	}
}

func TestReadModelErrors(t *testing.T) {
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		return buf.Bytes()
	}
	huge := append([]byte(magic), byte(numTags), 0, 0, 0, 0xff, 0xff, 0xff, 0x7f)
	for name, data := range map[string][]byte{
		"empty":        nil,
		"not gzip":     []byte("hello"),
		"wrong magic":  gz([]byte("dateline-ner\x01")),
		"huge":         gz(huge),
		"truncated":    modelData[:len(modelData)/2],
		"no weights":   gz(append([]byte(magic), byte(numTags), 0, 0, 0, 2, 0, 0, 0)),
		"wrong labels": gz(append([]byte(magic), 3, 0, 0, 0, 0, 0, 0, 0)),
	} {
		if _, err := ReadModel(bytes.NewReader(data)); err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.HasPrefix(err.Error(), "read pos model: ") {
			t.Errorf("%s: error %q does not say what failed", name, err)
		}
	}
}

func FuzzTag(f *testing.F) {
	tg, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("He said , \" we will \" .", uint8(3))
	f.Fuzz(func(t *testing.T, text string, starts uint8) {
		words := strings.Fields(text)
		first := make([]bool, len(words))
		for i := range first {
			first[i] = starts&(1<<(i%8)) != 0
		}
		if got := tg.Tag(words, first); len(got) != len(words) {
			t.Fatalf("%d tags for %d words", len(got), len(words))
		}
	})
}
