package ner

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/datelinehq/dateline/internal/corpus"
)

var (
	loadOnce sync.Once
	loaded   *Tagger
	loadErr  error
)

// shipped returns the embedded model, loaded once for all tests.
func shipped(t testing.TB) *Tagger {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = Load() })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return loaded
}

type entity struct{ text, typ string }

func entities(tokens, tags []string) []entity {
	var out []entity
	for _, sp := range spans(tags) {
		out = append(out, entity{strings.Join(tokens[sp.start:sp.end], " "), sp.typ})
	}
	return out
}

func TestTagAlaskaSummit(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"mixed case", "US President Donald Trump met Russian President Vladimir Putin in Anchorage , Alaska ."},
		{"all capitals", "US PRESIDENT DONALD TRUMP MET RUSSIAN PRESIDENT VLADIMIR PUTIN IN ANCHORAGE , ALASKA ."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tokens := strings.Fields(tt.text)
			tags := shipped(t).Tag(tokens)
			got := map[string]string{}
			for _, e := range entities(tokens, tags) {
				got[strings.ToLower(e.text)] = e.typ
			}
			for text, typ := range map[string]string{
				"donald trump": "PER", "vladimir putin": "PER",
				"anchorage": "LOC", "alaska": "LOC", "russian": "MISC",
			} {
				if got[text] != typ {
					t.Errorf("%q: got %q, want %s (tags %v)", text, got[text], typ, tags)
				}
			}
		})
	}
}

func TestTagDocumentMatchesTag(t *testing.T) {
	tg := shipped(t)
	a := strings.Fields("Angela Merkel arrived in Paris on Monday .")
	b := strings.Fields("She met Emmanuel Macron .")
	doc := tg.TagDocument([][]string{a, b})
	if len(doc) != 2 || len(doc[0]) != len(a) || len(doc[1]) != len(b) {
		t.Fatalf("got %v, want tags shaped like the input", doc)
	}
	if got := entities(a, doc[0]); !reflect.DeepEqual(got, []entity{{"Angela Merkel", "PER"}, {"Paris", "LOC"}}) {
		t.Errorf("got %v", got)
	}
}

// TestTagDocumentConsistency checks that a name found in one sentence is
// found in the others, even as a sentence's first word, and that a title
// stays out of the name.
func TestTagDocumentConsistency(t *testing.T) {
	doc := [][]string{
		strings.Fields("Prime Minister Jacinda Ardern met Mr. John Key in Wellington ."),
		strings.Fields("Ardern said the meeting was useful ."),
		strings.Fields("She told reporters that Key had agreed ."),
		strings.Fields("Key later said he would not comment ."),
	}
	tags := shipped(t).TagDocument(doc)
	want := [][]entity{
		{{"Jacinda Ardern", "PER"}, {"John Key", "PER"}, {"Wellington", "LOC"}},
		{{"Ardern", "PER"}},
		{{"Key", "PER"}},
		{{"Key", "PER"}},
	}
	for i := range doc {
		if got := entities(doc[i], tags[i]); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("sentence %d: got %v, want %v", i, got, want[i])
		}
	}
}

// TestDevF1 tags CoNLL-2003 eng.testa with the shipped model: the
// model's accuracy is part of the package's contract.
func TestDevF1(t *testing.T) {
	dir := corpus.Dir(t, "ner/conll2003")
	docs, err := readCoNLLFile(filepath.Join(dir, "eng.testa"), -1)
	if err != nil {
		t.Fatal(err)
	}
	sc := Evaluate(shipped(t), docs)
	var report strings.Builder
	sc.Report(&report)
	t.Log("\n" + report.String())
	if _, _, f := sc.PRF(""); f < 90 {
		t.Errorf("eng.testa F1 %.2f, want >= 90", f)
	}
}

func validTag(s string) bool {
	if s == "O" {
		return true
	}
	return len(s) > 2 && (s[0] == 'I' || s[0] == 'B') && s[1] == '-' && typeIndex(s[2:]) >= 0
}

func checkTags(t *testing.T, tokens, tags []string) {
	t.Helper()
	if len(tags) != len(tokens) {
		t.Fatalf("got %d tags for %d tokens", len(tags), len(tokens))
	}
	for i, tag := range tags {
		if !validTag(tag) {
			t.Fatalf("tag %d is %q", i, tag)
		}
	}
}

func TestTagOddInput(t *testing.T) {
	tests := []struct {
		name   string
		tokens []string
	}{
		{"nil", nil},
		{"empty tokens", []string{"", "", ""}},
		{"emoji and control", []string{"😀", "\x00", "\u202e", "Paris", "\xff\xfe", "\t"}},
		{"huge token", []string{"The", strings.Repeat("Ab-", 350_000), "said"}},
		{"only punctuation", []string{".", ",", "-", "(", ")"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkTags(t, tt.tokens, shipped(t).Tag(tt.tokens))
		})
	}
}

// TestLongSentenceLinear tags a 100,000-token sentence; its time must
// grow linearly with length.
func TestLongSentenceLinear(t *testing.T) {
	tg := shipped(t)
	unit := strings.Fields("Officials in Brussels said the European Commission would meet Tony Blair on Monday .")
	repeat := func(n int) []string {
		out := make([]string, 0, n)
		for len(out) < n {
			out = append(out, unit...)
		}
		return out[:n]
	}
	timeIt := func(tokens []string) time.Duration {
		start := time.Now()
		checkTags(t, tokens, tg.Tag(tokens))
		return time.Since(start)
	}
	short := min(timeIt(repeat(10_000)), timeIt(repeat(10_000)))
	long := timeIt(repeat(100_000))
	// Ten times the tokens: linear is about 10x; quadratic would be 100x.
	if long > 40*short+100*time.Millisecond {
		t.Errorf("100,000 tokens took %v, 10,000 took %v: not linear", long, short)
	}
}

func FuzzTag(f *testing.F) {
	f.Add("US President Donald Trump met Russian President Vladimir Putin")
	f.Add("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .")
	f.Add("\x00 😀 \xff  -DOCSTART- ")
	tg := shipped(f)
	f.Fuzz(func(t *testing.T, s string) {
		tokens := strings.Split(s, " ") // keeps empty tokens
		checkTags(t, tokens, tg.Tag(tokens))
		if utf8.ValidString(s) {
			doc := [][]string{tokens, strings.Fields(s)}
			tags := tg.TagDocument(doc)
			for i := range doc {
				checkTags(t, doc[i], tags[i])
			}
		}
	})
}

// BenchmarkTag tags eng.testa document by document and reports tokens/s
// on one goroutine.
func BenchmarkTag(b *testing.B) {
	dir := corpus.Dir(b, "ner/conll2003")
	docs, err := readCoNLLFile(filepath.Join(dir, "eng.testa"), 0)
	if err != nil {
		b.Fatal(err)
	}
	var sents [][][]string
	tokens := 0
	for _, d := range docs {
		var s [][]string
		for _, x := range d {
			s = append(s, x.Tokens)
			tokens += len(x.Tokens)
		}
		sents = append(sents, s)
	}
	tg := shipped(b)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range sents {
			tg.TagDocument(d)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestModelRewrites checks that reading and writing the shipped model
// gives back the same content: nothing in the file is lost on loading.
// (It compares the content, not the gzip bytes, which may change with Go.)
func TestModelRewrites(t *testing.T) {
	var buf bytes.Buffer
	if err := shipped(t).WriteModel(&buf); err != nil {
		t.Fatal(err)
	}
	got, want := corpus.Gunzip(t, buf.Bytes()), corpus.Gunzip(t, model)
	if !bytes.Equal(got, want) {
		t.Fatalf("rewritten model differs: %d bytes, want %d", len(got), len(want))
	}
}
