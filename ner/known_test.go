package ner

import (
	"reflect"
	"strings"
	"testing"
)

// TestKnownWords checks that the words summed once per model (knownWords)
// read exactly as they would if worked out in the document: the same
// token facts, the same sums of every word feature in both passes, the
// same labels.
func TestKnownWords(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	doc := [][]string{
		strings.Fields("TRUMP AND PUTIN MEET IN ALASKA"),
		strings.Fields("Trump Meets Putin In Anchorage"),
		strings.Fields("Secretary of State Marco Rubio and Kremlin spokesperson Dmitry Peskov said the two delegations would meet on Friday ."),
		strings.Fields("The talks , CNN reported , were held at Joint Base Elmendorf-Richardson near Anchorage ."),
		strings.Fields("“ Everything concerning Ukraine must be discussed exclusively with Ukraine , ” Zelenskyy insisted ."),
	}
	fast := tg.lx.docInfo(doc, tg.known)
	slow := tg.lx.docInfo(doc, nil)
	local := newLocalKeys(fast)
	known := 0
	for s := range fast {
		for i := range fast[s].toks {
			f, w := fast[s].toks[i], slow[s].toks[i]
			if f.known != 0 {
				known++
			}
			// What decodeDocument sums for the token's word features.
			for pass, m := range []*weights{tg.first, tg.second} {
				var got [numLabels]int32
				if id := local.known[f.word]; id != 0 {
					got = tg.known.sums[pass][id-1]
				}
				m.sum(local.words.of(int(f.word)), &got)
				var want [numLabels]int32
				m.sum(wordFeatures(&w, nil), &want)
				if got != want {
					t.Errorf("%q: pass %d sums %v, worked out %v", doc[s][i], pass, got, want)
				}
			}
			f.known = 0
			if !reflect.DeepEqual(f, w) {
				t.Errorf("%q: known tokInfo %+v, worked out %+v", doc[s][i], f, w)
			}
		}
	}
	if known < 20 {
		t.Fatalf("only %d tokens read as known words", known)
	}
	plain := &Tagger{lx: tg.lx, first: tg.first, second: tg.second}
	if got, want := tg.labelDocument(doc), plain.labelDocument(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("labels with known words %v, without %v", got, want)
	}
}
