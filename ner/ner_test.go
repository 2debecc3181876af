package ner

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/datelinehq/dateline/wordcluster"
)

func TestIOB1RoundTrip(t *testing.T) {
	tests := []struct {
		name string
		tags string
	}{
		{"single", "I-PER O"},
		{"adjacent same type", "I-PER I-PER B-PER O"},
		{"adjacent other type", "I-ORG I-LOC O I-MISC"},
		{"empty", ""},
		{"all outside", "O O O"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tags := strings.Fields(tt.tags)
			labels := encodeSpans(spanTypes(tags))
			got := toIOB1(decodeLabels(labels))
			if !reflect.DeepEqual(got, tags) && len(tags) > 0 {
				t.Errorf("got %v, want %v (labels %v)", got, tags, labels)
			}
		})
	}
}

func TestIOB2ToIOB1(t *testing.T) {
	got := toIOB1(spanTypes(strings.Fields("B-PER I-PER B-PER O B-LOC B-ORG")))
	want := strings.Fields("I-PER I-PER B-PER O I-LOC I-ORG")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestViterbiRespectsConstraints(t *testing.T) {
	L := numLabels
	// Emissions that, token by token, prefer an impossible sequence:
	// I-PER, then O, then L-LOC.
	em := make([]float32, 3*L)
	em[0*L+label(0, partI)] = 5
	em[1*L+0] = 5
	em[2*L+label(2, partL)] = 5
	trans := make([]float32, (L+1)*(L+1))
	got := viterbi(em, 3, trans, nil, make([]int32, 3*L))
	prev := -1
	for i, l := range got {
		if !allowed(prev, l) {
			t.Fatalf("label %d at %d may not follow %d: %v", l, i, prev, got)
		}
		prev = l
	}
	if !allowed(prev, -1) {
		t.Fatalf("sequence ends inside an entity: %v", got)
	}
	// With no constraint in the way, the best labels win.
	em = make([]float32, 2*L)
	em[0*L+label(1, partB)] = 1
	em[1*L+label(1, partL)] = 1
	if got := viterbi(em, 2, trans, nil, make([]int32, 2*L)); !reflect.DeepEqual(got, []int{label(1, partB), label(1, partL)}) {
		t.Errorf("got %v, want B-ORG L-ORG", got)
	}
}

func TestTaggingKeepsNamesWhole(t *testing.T) {
	L := numLabels
	loc := typeIndex("LOC")
	// Emissions that prefer two place names side by side.
	em := make([]float32, 3*L)
	em[0*L+label(loc, partB)] = 5
	em[1*L+label(loc, partL)] = 5
	em[2*L+label(loc, partU)] = 5
	em[2*L+label(loc, partL)] = 4
	em[1*L+label(loc, partI)] = 4
	trans := make([]float32, (L+1)*(L+1))
	back := make([]int32, 3*L)
	if got := viterbi(em, 3, trans, nil, back); got[2] != label(loc, partU) {
		t.Errorf("training decoder: got %v, want the unit place kept", got)
	}
	want := []int{label(loc, partB), label(loc, partI), label(loc, partL)}
	if got := viterbiWith(taggingPredecessors, em, 3, trans, nil, back); !reflect.DeepEqual(got, want) {
		t.Errorf("tagging decoder: got %v, want %v", got, want)
	}
}

func TestASCIIPunct(t *testing.T) {
	for in, want := range map[string]string{"’s": "'s", "“no": "\"no", "Kyiv": "Kyiv", "Zürich": "Zürich", "—": "--"} {
		if got := asciiPunct(in); got != want {
			t.Errorf("asciiPunct(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestShapesAndCasing(t *testing.T) {
	tests := []struct {
		word, long, short string
		cs                uint8
	}{
		{"Reuters", "Xxxxx", "Xx", caseTitle},
		{"1996-08-22", "dddd-dd-dd", "d-d-d", caseNone},
		{"USA", "XXX", "X", caseUpper},
		{"McDonald", "XxXxxxx", "XxXx", caseMixed},
		{"rejects", "xxxx", "x", caseLower},
		{"A", "X", "X", caseTitle},
		{"Zürich", "Xxxxx", "Xx", caseTitle},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			long, short := shapes(tt.word, nil, nil)
			if string(long) != tt.long || string(short) != tt.short {
				t.Errorf("shapes = %q %q, want %q %q", long, short, tt.long, tt.short)
			}
			if got := casing(tt.word); got != tt.cs {
				t.Errorf("casing = %d, want %d", got, tt.cs)
			}
		})
	}
}

func TestAffixes(t *testing.T) {
	var pre, suf [4]uint64
	if n := affixes("añob", &pre, &suf); n != 4 {
		t.Fatalf("got %d affixes, want 4", n)
	}
	if pre[1] != hashString("añ") || suf[1] != hashString("bo") || pre[3] != hashString("añob") {
		t.Error("prefix or suffix hash differs from the hash of the affix")
	}
	if n := affixes("", &pre, &suf); n != 0 {
		t.Errorf("got %d affixes of the empty string", n)
	}
}

func TestGazetteerMatch(t *testing.T) {
	g := newGazetteer()
	g.add([]string{"New", "York"}, typeIndex("LOC"))
	g.add([]string{"New", "York", "Times"}, typeIndex("ORG"))
	g.add([]string{"York"}, typeIndex("LOC"))
	g.finish()
	sent := []string{"the", "NEW", "YORK", "Times", "said"}
	lw := make([]uint64, len(sent))
	capOK := make([]bool, len(sent))
	for i, w := range sent {
		lw[i] = hashString(strings.ToLower(w))
		capOK[i] = casing(w) >= caseTitle
	}
	out := make([][4]uint8, len(sent))
	g.match(lw, capOK, out)
	loc, org := typeIndex("LOC"), typeIndex("ORG")
	want := map[[2]int]uint8{{1, loc}: 1 + partB, {2, loc}: 1 + partL, {1, org}: 1 + partB, {2, org}: 1 + partI, {3, org}: 1 + partL}
	for i := range sent {
		for ty := range 4 {
			if got := out[i][ty]; got != want[[2]int{i, ty}] {
				t.Errorf("token %d type %s: got %d, want %d", i, entityTypes[ty], got, want[[2]int{i, ty}])
			}
		}
	}
}

func TestScore(t *testing.T) {
	sc := NewScore()
	sc.Add(strings.Fields("I-PER I-PER O I-LOC B-LOC O"), strings.Fields("I-PER I-PER O I-LOC I-LOC I-ORG"))
	p, r, f := sc.PRF("")
	// Gold: PER, LOC, LOC; found: PER, LOC(2 tokens), ORG; correct: PER.
	if math.Abs(p-100.0/3) > 1e-9 || math.Abs(r-100.0/3) > 1e-9 || math.Abs(f-100.0/3) > 1e-9 {
		t.Errorf("got P %.2f R %.2f F %.2f, want 33.33 each", p, r, f)
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mr. Trump didn't say \u201cno.\u201d", `Mr. Trump did n't say " no . "`},
		{"The U.S. economy (GDP) grew 3%.", "The U.S. economy ( GDP ) grew 3 % ."},
		{"Putin's visit...", "Putin 's visit ..."},
	}
	for _, tt := range tests {
		if got := strings.Join(tokenize(tt.in), " "); got != tt.want {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// tinyTagger trains a tagger on a handful of made-up sentences.
func tinyTagger(t *testing.T) *Tagger {
	t.Helper()
	data := []string{
		"I-PER O O I-LOC O", "John lives in Paris .",
		"I-PER O O I-LOC O", "Mary works in Berlin .",
		"I-ORG I-ORG O O I-LOC", "Acme Corp opened in Rome",
		"O I-PER I-PER O", "Yesterday Anna Smith left",
		"I-MISC O O", "German beer tastes",
	}
	var docs []labelled
	for i := 0; i < len(data); i += 2 {
		docs = append(docs, labelled{
			tokens: [][]string{strings.Fields(data[i+1])},
			labels: [][]int{encodeSpans(spanTypes(strings.Fields(data[i])))},
		})
	}
	lx := &lexicon{
		clusters: map[string]wordcluster.Path{"Paris": {Bits: 5, N: 3}, "Rome": {Bits: 5, N: 3}},
		forms:    map[string]string{"paris": "Paris", "beer": "beer"},
		titles:   map[uint64]bool{hashString("mr."): true},
	}
	for g := range lx.gaz {
		lx.gaz[g] = newGazetteer()
		for _, d := range docs {
			addEntities(lx.gaz[g], d.tokens[0], d.labels[0])
		}
		lx.gaz[g].finish()
	}
	infos := make([][]sentInfo, len(docs))
	for d := range docs {
		infos[d] = lx.docInfo(docs[d].tokens, nil)
	}
	m := trainPass(docs, infos, nil, func(int) bool { return true }, TrainOptions{Epochs: 10, Seed: 1})
	m.prune()
	return &Tagger{lx: lx, first: m}
}

func TestTrainTinyAndModelRoundTrip(t *testing.T) {
	tg := tinyTagger(t)
	sent := strings.Fields("Mary lives in Rome .")
	got := tg.Tag(sent)
	want := strings.Fields("I-PER O O I-LOC O")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	var buf strings.Builder
	if err := tg.WriteModel(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadModel(strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	if got2 := back.Tag(sent); !reflect.DeepEqual(got2, got) {
		t.Errorf("after a round trip: got %v, want %v", got2, got)
	}
	if !reflect.DeepEqual(back.lx, tg.lx) {
		t.Errorf("after a round trip the lexicon differs:\n%+v\nwant\n%+v", back.lx, tg.lx)
	}
	if !sameWeights(back.first, tg.first) {
		t.Error("after a round trip the weights differ")
	}
	if _, err := ReadModel(strings.NewReader(buf.String()[:buf.Len()/2])); err == nil {
		t.Error("a truncated model was read without error")
	}
}

// sameWeights compares two models feature by feature.
func sameWeights(a, b *weights) bool {
	L := numLabels
	ak, aq := a.rows()
	bk, bq := b.rows()
	if len(ak) != len(bk) || a.scale != b.scale || !reflect.DeepEqual(a.trans, b.trans) {
		return false
	}
	for ra, k := range ak {
		rb := b.row(k)
		if rb < 0 || !reflect.DeepEqual(aq[ra*L:ra*L+L], bq[int(rb)*L:int(rb)*L+L]) {
			return false
		}
	}
	return true
}
