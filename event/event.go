// Package event finds what happened in an article: meetings and talks,
// visits, delegations ("Putin is joined by Lavrov and Ushakov") and
// statements, with their participants and place as entity IDs and their
// time as written and, where relative ("on Friday", "earlier this
// week"), resolved against the publication date.
//
// The rules are trigger words read with the entities of their sentence,
// in the manner of the pattern-based event extraction of the MUC and ACE
// evaluations (e.g. Grishman's "Information extraction", 2015): a
// trigger lexicon, participant slots filled from nearby mentions, and a
// place from a mention introduced by "in" or "at".
package event

import (
	"sort"
	"strings"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/segment"
)

// Find returns the events of text, given its sentences, its entities
// (with mentions) and its attribution relations; published is the
// article's publication date or time ("" when unknown). Time is linear in
// the text.
func Find(text []rune, sents []segment.Sentence, ents []dateline.Entity, attrs []dateline.Attribution, published string) []dateline.Event {
	d := newDoc(text, sents, ents)
	var out []dateline.Event
	srcs := indexSources(attrs)
	for si := range sents {
		out = d.meetings(si, srcs, published, out)
		out = d.visits(si, published, out)
		out = d.delegations(si, out)
	}
	out = mergeMeetings(out)
	out = append(out, d.statements(attrs, published)...)
	if out == nil {
		out = []dateline.Event{}
	}
	return out
}

// doc indexes the entity mentions by token.
type doc struct {
	text  []rune
	sents []segment.Sentence
	ents  []dateline.Entity
	// ms[si] are the mentions of sentence si in order: entity index and
	// tokens [first, last) within the sentence.
	ms [][]mention
	// lower[si][i] is token i of sentence si in lower case: the rules
	// read each token several times.
	lower [][]string
}

type mention struct{ ent, first, last int }

func newDoc(text []rune, sents []segment.Sentence, ents []dateline.Entity) *doc {
	owner := make(map[int]int) // start code point → entity; mentions are few
	ends := make(map[int]int)
	for e, ent := range ents {
		for _, m := range ent.Mentions {
			owner[m.Start] = e
			ends[m.Start] = m.End
		}
	}
	d := &doc{text: text, sents: sents, ents: ents, ms: make([][]mention, len(sents)), lower: make([][]string, len(sents))}
	for si, s := range sents {
		d.lower[si] = make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			d.lower[si][i] = strings.ToLower(t.Text)
		}
		for i := 0; i < len(s.Tokens); i++ {
			e, ok := owner[s.Tokens[i].Start]
			if !ok {
				continue
			}
			j := i + 1
			for j < len(s.Tokens) && s.Tokens[j].End <= ends[s.Tokens[i].Start] {
				j++
			}
			d.ms[si] = append(d.ms[si], mention{e, i, j})
			i = j - 1
		}
	}
	return d
}

func (d *doc) lw(si, i int) string {
	if i < 0 || i >= len(d.lower[si]) {
		return ""
	}
	return d.lower[si][i]
}

func (d *doc) span(si, a, b int) dateline.Span {
	toks := d.sents[si].Tokens
	s, e := toks[a].Start, toks[b-1].End
	return dateline.Span{Text: string(d.text[s:e]), Start: s, End: e}
}

func (d *doc) typ(m mention) string { return d.ents[m.ent].Type }

// radius bounds, in tokens, how far from its trigger an event's
// participants, place and time are sought, so that a sentence without
// end costs time linear in its length.
const radius = 40

// near returns the mentions of sentence si within radius tokens of i.
func (d *doc) near(si, i int) []mention {
	ms := d.ms[si]
	a := sort.Search(len(ms), func(k int) bool { return ms[k].last > i-radius })
	b := sort.Search(len(ms), func(k int) bool { return ms[k].first >= i+radius })
	return ms[a:max(a, b)]
}

var meetingWords = map[string]bool{
	"talks": true, "meeting": true, "meetings": true, "met": true, "meet": true, "meets": true,
	"summit": true, "negotiations": true, "bilateral": false,
}

var futureWords = map[string]bool{"will": true, "to": false, "plans": true, "planned": true, "expected": true, "next": true}

// meetings finds talks between two or more people named in one sentence:
// "Trump and Putin began high-level talks in Anchorage on Friday". The
// source of a report about the meeting ("CNN reported") is no participant.
func (d *doc) meetings(si int, srcs sources, pub string, out []dateline.Event) []dateline.Event {
	toks := d.sents[si].Tokens
	for i := range toks {
		if !meetingWords[d.lw(si, i)] {
			continue
		}
		ev := dateline.Event{Kind: "meeting", Trigger: d.span(si, i, i+1)}
		seen := map[string]bool{}
		for _, m := range d.near(si, i) {
			id := d.ents[m.ent].ID
			if d.typ(m) != "PERSON" || seen[id] || srcs.isSourceOf(toks[m.first].Start, toks[i].Start) {
				continue
			}
			seen[id] = true
			ev.Participants = append(ev.Participants, id)
		}
		if len(ev.Participants) < 2 {
			continue
		}
		ev.Place = d.placeNear(si, i)
		d.setWhen(&ev, si, i, pub)
		out = append(out, ev)
	}
	return out
}

// sources are the attributions that have a source, ordered by where the
// source starts, so that a mention's attribution is found by binary
// search rather than by a scan of all of them per mention (which made a
// long article with many cues quadratic).
type sources struct {
	attrs  []dateline.Attribution
	maxLen int // the longest source, in code points
}

func indexSources(attrs []dateline.Attribution) sources {
	var s sources
	for _, a := range attrs {
		if a.Source != nil {
			s.attrs = append(s.attrs, a)
			s.maxLen = max(s.maxLen, a.Source.End-a.Source.Start)
		}
	}
	sort.SliceStable(s.attrs, func(i, j int) bool { return s.attrs[i].Source.Start < s.attrs[j].Source.Start })
	return s
}

// isSourceOf reports whether the mention at code point p is the source
// of an attribution whose content holds the trigger at t.
func (s sources) isSourceOf(p, t int) bool {
	// Sources holding p start in (p-maxLen, p].
	k := sort.Search(len(s.attrs), func(i int) bool { return s.attrs[i].Source.Start > p })
	for k--; k >= 0 && s.attrs[k].Source.Start > p-s.maxLen-1; k-- {
		a := s.attrs[k]
		if p >= a.Source.End {
			continue
		}
		for _, c := range a.Content.Spans {
			if t >= c[0] && t < c[1] {
				return true
			}
		}
	}
	return false
}

// placeReach bounds how far, in tokens, a place may be from its trigger
// (counting 5 more for places before it).
const placeReach = 8

// placeNear returns the place introduced by "in" or "at" nearest the
// trigger token i, or "".
func (d *doc) placeNear(si, i int) string {
	best, bd := "", 1<<30
	for _, m := range d.near(si, i) {
		if d.typ(m) != "PLACE" {
			continue
		}
		if p := d.lw(si, m.first-1); p != "in" && p != "at" && p != "to" {
			continue
		}
		dist := m.first - i
		if dist < 0 {
			dist = -dist + 5 // a place after the trigger is likelier its own
		}
		if dist > placeReach {
			continue // "talks in Anchorage ..., with the war in Ukraine"
		}
		if dist < bd {
			best, bd = d.ents[m.ent].ID, dist
		}
	}
	return best
}

// setWhen fills the time of an event triggered at token i of sentence si.
func (d *doc) setWhen(ev *dateline.Event, si, i int, pub string) {
	toks := d.sents[si].Tokens
	a, b := max(0, i-radius), min(len(toks), i+radius)
	future := false
	for k := a; k < b; k++ {
		if futureWords[d.lw(si, k)] {
			future = true
		}
	}
	if w, ok := findWhen(d.text, toks[a:b], pub, future); ok {
		ev.When, ev.Date = w.text, w.date
	}
}

var visitWords = map[string]bool{
	"visit": true, "visits": true, "visited": true, "visiting": true, "arrived": true, "arrives": true,
	"landed": true, "travelled": true, "traveled": true, "trip": true, "flew": true,
}

// visits finds a person going to a place: "Zelenskyy visited Washington",
// "Trump arrived in Anchorage".
func (d *doc) visits(si int, pub string, out []dateline.Event) []dateline.Event {
	for i := range d.sents[si].Tokens {
		if !visitWords[d.lw(si, i)] {
			continue
		}
		who, place := -1, -1
		for _, m := range d.near(si, i) {
			if m.last <= i && d.typ(m) == "PERSON" {
				who = m.ent
			}
			if place < 0 && m.first > i && m.first <= i+3 && d.typ(m) == "PLACE" {
				place = m.ent
			}
		}
		if who < 0 || place < 0 {
			continue
		}
		ev := dateline.Event{Kind: "visit", Trigger: d.span(si, i, i+1), Participants: []string{d.ents[who].ID}, Place: d.ents[place].ID}
		d.setWhen(&ev, si, i, pub)
		out = append(out, ev)
	}
	return out
}

// clauseEnd are the words that end a list of delegation members.
var clauseEnd = map[string]bool{"while": true, "whereas": true, "but": true, "according": true, "said": true, ";": true, ".": true, "who": true}

// delegations finds "X is joined by A and B" and "X, accompanied by A":
// the leader is the person just before the trigger, the members the
// persons after "by" up to the end of the clause.
func (d *doc) delegations(si int, out []dateline.Event) []dateline.Event {
	toks := d.sents[si].Tokens
	for i := 0; i+1 < len(toks); i++ {
		if w := d.lw(si, i); w != "joined" && w != "accompanied" || d.lw(si, i+1) != "by" {
			continue
		}
		leader := -1
		near := d.near(si, i)
		for _, m := range near {
			if m.last <= i && d.typ(m) == "PERSON" {
				leader = m.ent
			}
		}
		end := i + 2
		for end < len(toks) && end < i+radius && !clauseEnd[d.lw(si, end)] {
			end++
		}
		ev := dateline.Event{Kind: "delegation", Trigger: d.span(si, i, i+2)}
		for _, m := range near {
			if m.first >= i+2 && m.last <= end && d.typ(m) == "PERSON" && m.ent != leader {
				ev.Participants = append(ev.Participants, d.ents[m.ent].ID)
			}
		}
		if leader < 0 || len(ev.Participants) == 0 {
			continue
		}
		ev.Leader = d.ents[leader].ID
		out = append(out, ev)
	}
	return out
}

// mergeMeetings keeps one meeting per set of participants: a story
// mentions its summit many times.
func mergeMeetings(evs []dateline.Event) []dateline.Event {
	var out []dateline.Event
	first := map[string]int{}
	for _, e := range evs {
		if e.Kind != "meeting" {
			out = append(out, e)
			continue
		}
		k := strings.Join(sorted(e.Participants), "\x00")
		if i, ok := first[k]; ok {
			if out[i].Place == "" {
				out[i].Place = e.Place
			}
			if out[i].When == "" {
				out[i].When, out[i].Date = e.When, e.Date
			}
			continue
		}
		first[k] = len(out)
		out = append(out, e)
	}
	return out
}

func sorted(s []string) []string {
	c := append([]string(nil), s...)
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && c[j] < c[j-1]; j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
	return c
}

var statementCues = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "announced": true, "announces": true,
	"insisted": true, "remarked": true, "stated": true, "added": true, "declared": true, "noted": true,
	"reported": true, "wrote": true, "tweeted": true, "according": true, "indicated": true, "warned": true,
	"urged": true, "stressed": true, "explained": true, "argued": true, "confirmed": true, "denied": true,
}

// statements makes an event of each attribution whose cue is a verb of
// saying and whose source is a known entity.
func (d *doc) statements(attrs []dateline.Attribution, pub string) []dateline.Event {
	var out []dateline.Event
	for _, a := range attrs {
		if a.Source == nil || a.Source.Entity == "" {
			continue
		}
		head := strings.ToLower(strings.Fields(a.Cue.Text + " x")[0])
		if !statementCues[head] {
			continue
		}
		ev := dateline.Event{Kind: "statement", Trigger: a.Cue, Participants: []string{a.Source.Entity}}
		if si := d.sentenceAt(a.Cue.Start); si >= 0 {
			// Only a time next to the cue dates the statement ("said on
			// Friday"); one in the content dates what was said.
			toks := d.sents[si].Tokens
			i := d.tokenAt(si, a.Cue.Start)
			lo, hi := max(0, i-3), min(len(toks), i+5)
			if w, ok := findWhen(d.text, toks[lo:hi], pub, false); ok && !inContent(a, toks[lo+w.first].Start) {
				ev.When, ev.Date = w.text, w.date
			}
		}
		out = append(out, ev)
	}
	return out
}

// inContent reports whether code point p lies in the attribution's
// content.
func inContent(a dateline.Attribution, p int) bool {
	for _, c := range a.Content.Spans {
		if p >= c[0] && p < c[1] {
			return true
		}
	}
	return false
}

// tokenAt returns the token of sentence si at or after code point p.
func (d *doc) tokenAt(si, p int) int {
	toks := d.sents[si].Tokens
	return sort.Search(len(toks), func(k int) bool { return toks[k].End > p })
}

// sentenceAt returns the sentence holding code point p, or -1.
func (d *doc) sentenceAt(p int) int {
	lo, hi := 0, len(d.sents)
	for lo < hi {
		m := (lo + hi) / 2
		if d.sents[m].End <= p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.sents) && d.sents[lo].Start <= p {
		return lo
	}
	return -1
}
