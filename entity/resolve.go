package entity

import (
	"strings"

	"github.com/datelinehq/dateline/gazetteer"
)

// resolve turns spans into entities in an order that lets fuller names
// come first: full personal names, then other names, then one-word
// personal names (joined to the fuller name they shorten), and last the
// spans of headlines, which may only confirm what prose established
// (or what the gazetteer knows).
func (b *builder) resolve() {
	b.vote()
	isPerson := func(sp span) bool { return sp.tag == "PER" }
	for _, sp := range b.spans {
		if !sp.headline && isPerson(sp) && sp.last-sp.first > 1 {
			b.addPerson(sp, true)
		}
	}
	for _, sp := range b.spans {
		if !sp.headline && !isPerson(sp) {
			b.addOther(sp, true)
		}
	}
	for _, sp := range b.spans {
		if !sp.headline && isPerson(sp) && sp.last-sp.first == 1 {
			b.addPerson(sp, true)
		}
	}
	for _, sp := range b.spans {
		if !sp.headline {
			continue
		}
		if isPerson(sp) {
			b.addPerson(sp, false)
		} else {
			b.addOther(sp, false)
		}
	}
}

// vote gives every span of the same words the type most of them were
// tagged with in prose (one sense per discourse: Gale, Church and
// Yarowsky 1992), so that "PayPal" is not an organisation in one
// sentence and a place in the next.
func (b *builder) vote() {
	votes := map[string]map[string]int{}
	for pass := 0; pass < 2; pass++ {
		for _, sp := range b.spans {
			if sp.headline != (pass == 1) {
				continue
			}
			k := b.spanWords(sp)
			if pass == 1 && votes[k] != nil {
				continue
			}
			if votes[k] == nil {
				votes[k] = map[string]int{}
			}
			votes[k][sp.tag]++
		}
	}
	for i, sp := range b.spans {
		best, n := sp.tag, 0
		for _, tag := range []string{"PER", "ORG", "LOC", "MISC"} {
			if c := votes[b.spanWords(sp)][tag]; c > n {
				best, n = tag, c
			}
		}
		b.spans[i].tag = best
	}
	b.placesNotPeople()
	b.retypeByContext()
}

// retypeByContext corrects tagger errors that the words of a name or
// those after it settle: a "person" whose name ends like an
// organisation's is one ("The Hechinger Report"); a "place" the
// gazetteer does not know before "administration" or "presidency" is a
// person ("the Biden administration"; not before "era": "the Gold Rush
// era"); a known city tagged as an organisation or miscellany before
// ", STATE" is a place ("Greensboro, North Carolina").
func (b *builder) retypeByContext() {
	orgHeads := map[string]bool{} // first words of the names made organisations
	for i, sp := range b.spans {
		p := &b.d.Parts[sp.part]
		if sp.tag == "PER" && sp.last-sp.first > 1 && orgClosers[p.Tokens[sp.last-1].Text] {
			b.spans[i].tag = "ORG"
			orgHeads[p.Tokens[sp.first].Text] = true
			continue
		}
		if sp.last+1 >= len(p.Tokens) {
			continue
		}
		next := p.Tokens[sp.last].Text
		switch sp.tag {
		case "LOC":
			if personalHeads[strings.ToLower(next)] {
				if _, ok := b.lookup(b.spanWords(sp)); !ok {
					b.spans[i].tag = "PER"
				}
			}
		case "ORG", "MISC":
			if next != "," {
				continue
			}
			if pl, ok := b.lookup(b.spanWords(sp)); !ok || pl.Kind != "city" {
				continue
			}
			if b.regionAt(sp.part, sp.last+1) {
				b.spans[i].tag = "LOC"
			}
		}
	}
	// "Hechinger newsletters" after "The Hechinger Report": the short
	// form of the organisation, not a person.
	for i, sp := range b.spans {
		if sp.tag == "PER" && sp.last-sp.first == 1 && orgHeads[b.spanWords(sp)] {
			b.spans[i].tag = "ORG"
		}
	}
}

// regionAt reports a state, province, region or country named from
// token i of part pi: "North Carolina", "Ontario", "France".
func (b *builder) regionAt(pi, i int) bool {
	toks := b.d.Parts[pi].Tokens
	name := ""
	for k := i; k < min(len(toks), i+3); k++ {
		if !startsUpper(toks[k].Text) {
			break
		}
		if name != "" {
			name += " "
		}
		name += toks[k].Text
		if pl, ok := b.lookup(name); ok && pl.Kind != "city" {
			return true
		}
	}
	return false
}

// placesNotPeople retypes as places the names that a word of geography
// opens or closes (designated), and the one-word "people" that are in
// fact capitals and large cities or countries: the tagger reads "Kyiv’s
// top demand" as a person's possessive. A word that is also part of a
// longer personal name in the document ("Jordan" after "Michael
// Jordan") stays a person.
func (b *builder) placesNotPeople() {
	inNames := map[string]bool{}
	for _, sp := range b.spans {
		if sp.tag == "PER" && sp.last-sp.first > 1 {
			p := &b.d.Parts[sp.part]
			for i := sp.first; i < sp.last; i++ {
				inNames[p.Tokens[i].Text] = true
			}
		}
	}
	for i, sp := range b.spans {
		if sp.tag == "PER" && sp.last-sp.first > 1 && b.designated(sp) {
			b.spans[i].tag = "LOC"
			continue
		}
		if sp.tag != "PER" || sp.last-sp.first != 1 {
			continue
		}
		w := b.spanWords(sp)
		if inNames[w] {
			continue
		}
		if pl, ok := b.lookup(w); ok && (pl.Kind == "country" || pl.Kind == "city" && pl.Population >= 1_000_000) {
			b.spans[i].tag = "LOC"
		}
	}
}

// designated reports a name that a word of geography opens or closes:
// "Mount Vernon", "Fort Myers", "Snake River", "Niagara Falls". The
// tagger reads the surname or first name in them as a person's.
func (b *builder) designated(sp span) bool {
	p := &b.d.Parts[sp.part]
	return placeOpeners[p.Tokens[sp.first].Text] || placeClosers[p.Tokens[sp.last-1].Text]
}

// spanWords is the words of a span, separated by spaces.
func (b *builder) spanWords(sp span) string {
	p := &b.d.Parts[sp.part]
	if sp.last-sp.first == 1 {
		return p.Tokens[sp.first].Text
	}
	var sb strings.Builder
	for i := sp.first; i < sp.last; i++ {
		if i > sp.first {
			sb.WriteByte(' ')
		}
		sb.WriteString(p.Tokens[i].Text)
	}
	return sb.String()
}

// addPerson adds a personal name: to the person it names more fully or
// shortens, else (when create is set) as a new person.
func (b *builder) addPerson(sp span, create bool) {
	p := &b.d.Parts[sp.part]
	words := make([]string, 0, sp.last-sp.first)
	for i := sp.first; i < sp.last; i++ {
		words = append(words, p.Tokens[i].Text)
	}
	key := "PERSON:" + strings.Join(words, " ")
	if e, ok := b.byKey[key]; ok {
		b.mention(e, sp.part, sp.first, sp.last, Name)
		return
	}
	if e := b.personFor(words, sp); e >= 0 {
		kind := Short
		if len(words) >= len(b.ents[e].words) {
			kind = Name
		}
		b.mention(e, sp.part, sp.first, sp.last, kind)
		return
	}
	if !create {
		return
	}
	e := b.newEnt(&ent{typ: "PERSON", key: key, words: words, gender: sp.gender})
	b.mention(e, sp.part, sp.first, sp.last, Name)
}

// personFor finds the person that words name in part: the same first and
// last name ("George Bush" for "George W. Bush"), or one word that is
// the last, else the first, name of a fuller name. Where several persons
// share it, the one mentioned last before the span wins.
func (b *builder) personFor(words []string, sp span) int {
	best, bestPos := -1, -1
	p := &b.d.Parts[sp.part]
	label := sp.last < len(p.Tokens) && p.Tokens[sp.last].Text == ":"
	for pass := 0; pass < 2 && best < 0; pass++ {
		for ei, e := range b.ents {
			if e.typ != "PERSON" || len(e.words) < 2 || len(e.words) <= len(words) && len(words) > 1 {
				continue
			}
			var ok bool
			switch {
			case len(words) > 1:
				ok = pass == 0 && sameName(words[0], e.words[0], label) && sameName(words[len(words)-1], e.words[len(e.words)-1], label)
			case pass == 0:
				ok = sameName(words[0], e.words[len(e.words)-1], label)
			default:
				ok = sameName(words[0], e.words[0], label)
			}
			if !ok {
				continue
			}
			pos := b.lastBefore(ei, sp.part, sp.first)
			if best < 0 || pos > bestPos {
				best, bestPos = ei, pos
			}
		}
	}
	return best
}

// sameName reports whether word w, as written in a span, is the name n
// of a fuller mention: the same, or, in a speaker's label ("PENCE: Well,
// look, …" in a transcript), the same in capitals. Only labels: a city
// in capitals opening a story ("WASHINGTON —") is not Denzel Washington.
func sameName(w, n string, label bool) bool {
	return w == n || label && len(w) > 1 && isAllCaps(w) && strings.EqualFold(w, n)
}

// lastBefore returns a sortable position of an entity's last mention
// before token i of part pi (-1 if none).
func (b *builder) lastBefore(e, pi, i int) int {
	pos := -1
	for _, mi := range b.ents[e].mentions {
		m := b.d.Mentions[mi]
		if m.Part == pi && m.First < i && m.First > pos {
			pos = m.First
		}
	}
	return pos
}

// addOther adds an organisation, place or other name. Without create it
// only joins an entity already found, or a place the gazetteer knows.
func (b *builder) addOther(sp span, create bool) {
	text := b.text(sp.part, sp.first, sp.last)
	// A one-word name that is a known person's surname is that person
	// ("Trump" tagged ORG in "Trump administration" is still Trump).
	if sp.last-sp.first == 1 {
		if e := b.personFor([]string{text}, sp); e >= 0 && sp.tag != "MISC" {
			b.mention(e, sp.part, sp.first, sp.last, Short)
			return
		}
	}
	c := b.classify(sp, text)
	if c.typ == "" {
		return
	}
	if e, ok := b.byKey[c.key]; ok {
		b.mention(e, sp.part, sp.first, sp.last, c.mention)
		return
	}
	if !create && c.place == nil {
		return
	}
	e := b.newEnt(&ent{typ: c.typ, kind: c.kind, key: c.key, place: c.place})
	if c.place != nil && c.place.Kind == "country" {
		b.places[c.place.Country] = true
	}
	b.mention(e, sp.part, sp.first, sp.last, c.mention)
}

// class is what a name is.
type class struct {
	typ, kind, key string
	place          *gazetteer.Place
	mention        MentionKind
}

// classify decides the type of a non-personal name. The tagger's LOC, ORG
// and MISC are refined: seats of government act as organisations,
// demonyms stand for their place, built places are facilities, and places
// are looked up in the gazetteer.
func (b *builder) classify(sp span, text string) class {
	p := &b.d.Parts[sp.part]
	key := gazetteer.Key(text)
	if seats[text] {
		return class{typ: "ORG", key: "ORG:" + key}
	}
	if sp.tag == "MISC" || sp.tag == "LOC" && sp.last-sp.first == 1 {
		if place, people, ok := demonym(text); ok {
			if people {
				return class{typ: "NORP", key: "NORP:" + key}
			}
			if pl, ok := b.lookup(place); ok {
				return class{typ: "PLACE", kind: pl.Kind, key: placeKey(pl), place: pl, mention: Adjective}
			}
		}
	}
	if sp.tag == "LOC" || sp.tag == "ORG" {
		for i := sp.first; i < sp.last; i++ {
			w := p.Tokens[i].Text
			if facilityWords[w] && (sp.tag == "LOC" || !institutionWords[w]) {
				return class{typ: "PLACE", kind: "facility", key: "PLACE:facility:" + key}
			}
		}
	}
	switch sp.tag {
	case "LOC":
		if pl, ok := b.lookup(text); ok {
			return class{typ: "PLACE", kind: pl.Kind, key: placeKey(pl), place: pl}
		}
		// "Kremlin spokesperson": what has spokespeople is an
		// organisation.
		if sp.last < len(p.Tokens) && titleWord[strings.ToLower(p.Tokens[sp.last].Text)] {
			return class{typ: "ORG", key: "ORG:" + key}
		}
		return class{typ: "PLACE", key: "PLACE::" + key}
	case "ORG":
		if pl, ok := b.lookup(text); ok && pl.Kind == "country" {
			return class{typ: "PLACE", kind: pl.Kind, key: placeKey(pl), place: pl}
		}
		return class{typ: "ORG", key: "ORG:" + key}
	case "MISC":
		if eventWords[p.Tokens[sp.last-1].Text] {
			return class{typ: "EVENT", key: "EVENT:" + key}
		}
		return class{typ: "MISC", key: "MISC:" + key}
	}
	return class{}
}

// institutionWords are facility words that, in an organisation's name,
// name the institution rather than the building.
var institutionWords = set(`Center Centre Hospital Museum Hotel Park Plant Memorial Church Temple Mosque`)

// lookup finds a place in the gazetteer, preferring places in countries
// the document names. Names of three letters or fewer must be in capitals
// ("US", not "Us").
func (b *builder) lookup(name string) (*gazetteer.Place, bool) {
	if b.m.Places == nil {
		return nil, false
	}
	if letters := len([]rune(strings.ReplaceAll(name, ".", ""))); letters <= 3 && !isAllCaps(name) {
		return nil, false
	}
	ps := b.m.Places.Lookup(name)
	if len(ps) == 0 {
		return nil, false
	}
	best := 0
	if ps[0].Kind != "country" {
		for i, pl := range ps {
			if b.places[pl.Country] {
				best = i
				break
			}
		}
	}
	pl := ps[best]
	return &pl, true
}

func placeKey(p *gazetteer.Place) string {
	return "PLACE:" + p.Kind + ":" + p.Country + ":" + p.Admin + ":" + p.Name
}

func (b *builder) newEnt(e *ent) int {
	e.affil = -1
	b.ents = append(b.ents, e)
	b.byKey[e.key] = len(b.ents) - 1
	return len(b.ents) - 1
}

// mention records that tokens [first, last) of part pi name entity e,
// unless another mention already covers any of them.
func (b *builder) mention(e, pi, first, last int, kind MentionKind) bool {
	p := &b.d.Parts[pi]
	for i := first; i < last; i++ {
		if p.Mention[i] >= 0 {
			return false
		}
	}
	mi := len(b.d.Mentions)
	b.d.Mentions = append(b.d.Mentions, Mention{
		Entity: e, Part: pi, First: first, Last: last,
		Start: p.Tokens[first].Start, End: p.Tokens[last-1].End, Kind: kind,
	})
	for i := first; i < last; i++ {
		p.Mention[i] = int32(mi)
	}
	b.ents[e].mentions = append(b.ents[e].mentions, mi)
	return true
}

// dateline resolves the dateline ("WASHINGTON", "Kyiv, Ukraine",
// "Alaska"): each comma-separated piece is a place if the gazetteer
// knows it.
func (b *builder) dateline() {
	for pi := range b.d.Parts {
		p := &b.d.Parts[pi]
		if p.Field != FieldDateline {
			continue
		}
		start := 0
		for i := 0; i <= len(p.Tokens); i++ {
			if i < len(p.Tokens) && hasLetterOrDigit(p.Tokens[i].Text) {
				continue
			}
			if i > start {
				text := b.text(pi, start, i)
				if pl, ok := b.lookup(text); ok {
					e, found := b.byKey[placeKey(pl)]
					if !found {
						e = b.newEnt(&ent{typ: "PLACE", kind: pl.Kind, key: placeKey(pl), place: pl})
					}
					b.mention(e, pi, start, i, Name)
				}
			}
			start = i + 1
		}
	}
}
