package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datelinehq/dateline/gazetteer"
)

// span is a stretch of tokens the tagger (or the demonym table) marks as
// a name, before it is resolved to an entity.
type span struct {
	part, first, last int
	tag               string // PER, ORG, LOC, MISC
	headline          bool   // in a title-case sentence: needs confirming
	gender            string // from an honorific stripped off the front
}

// builder holds the state of one Find call.
type builder struct {
	d      *Doc
	m      *Models
	spans  []span
	ents   []*ent
	byKey  map[string]int
	lower  map[string]bool // words seen in lower case in the document
	places map[string]bool // countries named in the document
	// trustCaps is set when the text has no sentence of prose (it is all
	// in capitals or title case), so that names cannot be confirmed
	// elsewhere and the tagger is trusted.
	trustCaps bool
}

// ent is an entity while it is being built.
type ent struct {
	typ, kind string
	key       string
	words     []string // a person's fullest name, token by token
	place     *gazetteer.Place
	role      string
	affil     int // index of the affiliated entity, or -1
	affilName string
	gender    string
	mentions  []int
}

func newBuilder(d *Doc, m *Models) *builder {
	b := &builder{d: d, m: m, byKey: map[string]int{}, lower: map[string]bool{}, places: map[string]bool{}}
	prose := false
	for pi := range d.Parts {
		p := &d.Parts[pi]
		for _, t := range p.Tokens {
			if isLowerWord(t.Text) {
				b.lower[t.Text] = true
			}
		}
		for si, h := range p.Headline {
			prose = prose || pi == 0 && !h && len(p.Sentences[si].Tokens) >= 6
		}
	}
	b.trustCaps = !prose
	return b
}

// collect turns the tags into spans, drops what is not a name and adds
// the demonyms the tagger left untagged.
func (b *builder) collect() {
	for pi := range b.d.Parts {
		p := &b.d.Parts[pi]
		if p.Field == FieldDateline {
			continue
		}
		for si, s := range p.Sentences {
			start := p.SentenceStart[si]
			head := p.Headline[si] && !b.trustCaps
			cur := -1
			for i := start; i <= start+len(s.Tokens); i++ {
				typ, begin := "", false
				if i < start+len(s.Tokens) {
					tg := p.Tags[i]
					if len(tg) > 2 && tg[1] == '-' {
						typ, begin = tg[2:], tg[0] == 'B'
					}
				}
				if cur >= 0 && (typ == "" || begin || typ != p.Tags[cur][2:]) {
					b.addSpan(span{part: pi, first: cur, last: i, tag: p.Tags[cur][2:], headline: head}, start)
					cur = -1
				}
				if typ != "" && cur < 0 {
					cur = i
				}
			}
			b.addDemonyms(pi, start, start+len(s.Tokens), head)
		}
	}
}

// addSpan cleans a tagged span and keeps it if it is still a name.
func (b *builder) addSpan(sp span, sentStart int) {
	p := &b.d.Parts[sp.part]
	// Titles and honorifics are roles, not names: "President Donald
	// Trump" as tagged is the person "Donald Trump".
	for sp.first < sp.last && sp.tag == "PER" {
		w := strings.ToLower(p.Tokens[sp.first].Text)
		if g, ok := honorifics[w]; ok {
			sp.gender = g
		} else if !titleWord[w] {
			break
		}
		sp.first++
	}
	// Possessive and punctuation tails are not part of names.
	for sp.last > sp.first && (!hasLetterOrDigit(p.Tokens[sp.last-1].Text) || isPossessive(p.Tokens[sp.last-1].Text)) {
		sp.last--
	}
	// Titles at the end belong to the person who follows ("Cohere CEO
	// Aidan Gomez"), not to the name.
	for sp.last-sp.first > 1 && sp.tag != "PER" && titleWord[strings.ToLower(p.Tokens[sp.last-1].Text)] {
		sp.last--
	}
	if sp.last <= sp.first {
		return
	}
	// A name does not run over a line break: "FashionNova\n Jenny" are
	// two lines of a list.
	for i := sp.first + 1; i < sp.last; i++ {
		if hasNewline(p.Runes[p.Tokens[i-1].End:p.Tokens[i].Start]) {
			rest := sp
			rest.first = i
			sp.last = i
			b.addSpan(sp, sentStart)
			b.addSpan(rest, sentStart)
			return
		}
	}
	if sp.last-sp.first == 1 {
		w := p.Tokens[sp.first].Text
		lw := strings.ToLower(w)
		if commonWords[lw] && !isAllCaps(w) {
			return
		}
		// A capitalised word seen elsewhere in lower case is a common
		// word where capitals are expected anyway (Mikheev 1999).
		if (sp.first == sentStart || sp.headline) && b.lower[lw] && !isAllCaps(w) {
			return
		}
	}
	b.spans = append(b.spans, sp)
}

// addDemonyms adds untagged adjectives of nationality ("Russian",
// "South Korean") as MISC spans, as the tagger would have tagged them.
func (b *builder) addDemonyms(pi, from, to int, head bool) {
	p := &b.d.Parts[pi]
	covered := make(map[int]bool)
	for k := len(b.spans) - 1; k >= 0 && b.spans[k].part == pi && b.spans[k].last > from; k-- {
		for i := b.spans[k].first; i < b.spans[k].last; i++ {
			covered[i] = true
		}
	}
	for i := from; i < to; i++ {
		if covered[i] || !startsUpper(p.Tokens[i].Text) {
			continue
		}
		if i+1 < to && !covered[i+1] {
			if _, _, ok := demonym(p.Tokens[i].Text + " " + p.Tokens[i+1].Text); ok {
				b.spans = append(b.spans, span{part: pi, first: i, last: i + 2, tag: "MISC", headline: head})
				i++
				continue
			}
		}
		if _, _, ok := demonym(p.Tokens[i].Text); ok {
			b.spans = append(b.spans, span{part: pi, first: i, last: i + 1, tag: "MISC", headline: head})
		}
	}
}

// text returns the text of tokens [first, last) of a part as written.
func (b *builder) text(pi, first, last int) string {
	p := &b.d.Parts[pi]
	return string(p.Runes[p.Tokens[first].Start:p.Tokens[last-1].End])
}

// titleWord holds every word of every title, for stripping titles off
// tagged names.
var titleWord = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range titles {
		if len(t) == 1 {
			m[t[0]] = true
		}
	}
	for _, w := range []string{"foreign", "prime", "vice", "deputy", "secretary", "minister", "special", "senior", "former", "late"} {
		m[w] = true
	}
	return m
}()

func isLetter(r rune) bool { return unicode.IsLetter(r) }
func isUpper(r rune) bool  { return unicode.IsUpper(r) }

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

func isAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n > 0
}

func hasLetterOrDigit(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func isPossessive(w string) bool { return w == "'s" || w == "’s" || w == "'" || w == "’" }

func hasNewline(rs []rune) bool {
	for _, r := range rs {
		if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
			return true
		}
	}
	return false
}

// demonym looks a word of nationality up as written or, in capitals
// ("RUSSIAN"), as a name is written.
func demonym(w string) (place string, people, ok bool) {
	if place, people, ok = gazetteer.Demonym(w); ok || !isAllCaps(w) {
		return place, people, ok
	}
	f := strings.Fields(strings.ToLower(w))
	for i, s := range f {
		r := []rune(s)
		r[0] = unicode.ToUpper(r[0])
		f[i] = string(r)
	}
	return gazetteer.Demonym(strings.Join(f, " "))
}
