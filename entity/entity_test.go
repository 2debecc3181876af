package entity_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/entity"
	"github.com/datelinehq/dateline/gazetteer"
	"github.com/datelinehq/dateline/ner"
)

var loadModels = sync.OnceValues(func() (*entity.Models, error) {
	t, err := ner.Load()
	if err != nil {
		return nil, err
	}
	g, err := gazetteer.Load()
	if err != nil {
		return nil, err
	}
	return &entity.Models{Tagger: t, Places: g}, nil
})

func find(t *testing.T, text string, h entity.Header) *entity.Doc {
	t.Helper()
	m, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	return entity.Find(text, h, m)
}

func byName(d *entity.Doc, name string) *dateline.Entity {
	for i := range d.Entities {
		if d.Entities[i].Name == name {
			return &d.Entities[i]
		}
	}
	return nil
}

func names(d *entity.Doc) string {
	var s []string
	for _, e := range d.Entities {
		s = append(s, e.Type+":"+e.Name)
	}
	return strings.Join(s, ", ")
}

func TestRoles(t *testing.T) {
	tests := []struct {
		name, text, person, role, affiliation string
	}{
		{"adjective title name", "Russian President Vladimir Putin arrived on Friday.", "Vladimir Putin", "President", "Russia"},
		{"organisation title name", "Kremlin spokesperson Dmitry Peskov declined to comment.", "Dmitry Peskov", "spokesperson", "Kremlin"},
		{"possessive", "Britain's Prime Minister Keir Starmer spoke to reporters.", "Keir Starmer", "Prime Minister", "United Kingdom"},
		{"apposition of", "Tim Cook, chief executive of Apple, said sales rose.", "Tim Cook", "chief executive", "Apple"},
		{"apposition possessive", "Dmitry Peskov, the Kremlin's spokesman, said the talks went well.", "Dmitry Peskov", "spokesman", "Kremlin"},
		{"modifiers", "The plan was drafted by senior adviser Jane Smith in the morning.", "Jane Smith", "senior adviser", ""},
		{"delegation", "US President Donald Trump is accompanied by Secretary of State Marco Rubio and special envoy Steve Witkoff, officials said.", "Steve Witkoff", "special envoy", "United States"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := find(t, tt.text, entity.Header{})
			e := byName(d, tt.person)
			if e == nil {
				t.Fatalf("%q not found in %s", tt.person, names(d))
			}
			if e.Role != tt.role || e.Affiliation != tt.affiliation {
				t.Errorf("got role %q of %q, want %q of %q", e.Role, e.Affiliation, tt.role, tt.affiliation)
			}
		})
	}
}

func TestCoreference(t *testing.T) {
	text := "Prime Minister Jacinda Ardern met Mr. John Key in Wellington. Ardern said the meeting was useful. " +
		"She told reporters that Key had agreed. Key later said he would not comment."
	d := find(t, text, entity.Header{})
	tests := []struct {
		name string
		want []string
	}{
		{"Jacinda Ardern", []string{"Jacinda Ardern", "Ardern", "She"}},
		{"John Key", []string{"John Key", "Key", "Key", "he"}},
	}
	for _, tt := range tests {
		e := byName(d, tt.name)
		if e == nil {
			t.Fatalf("%q not found in %s", tt.name, names(d))
		}
		var got []string
		for _, m := range e.Mentions {
			got = append(got, m.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: mentions %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestPlaces(t *testing.T) {
	d := find(t, "Officials in Kyiv and Washington welcomed the deal, while Americans and Europeans were divided.", entity.Header{Dateline: "MOSCOW"})
	tests := []struct {
		name, typ, kind, country string
	}{
		{"Kyiv", "PLACE", "city", "UA"},
		{"Washington, D.C.", "PLACE", "city", "US"},
		{"Moscow", "PLACE", "city", "RU"},
		{"Americans", "NORP", "", ""},
	}
	for _, tt := range tests {
		e := byName(d, tt.name)
		if e == nil {
			t.Errorf("%q not found in %s", tt.name, names(d))
			continue
		}
		if e.Type != tt.typ || e.Kind != tt.kind || e.Country != tt.country {
			t.Errorf("%s: %s %s %s, want %s %s %s", tt.name, e.Type, e.Kind, e.Country, tt.typ, tt.kind, tt.country)
		}
		if tt.typ == "PLACE" && (e.Lat == nil || e.Lon == nil) {
			t.Errorf("%s: no coordinates", tt.name)
		}
	}
}

// TestHeadlines checks that title-case lines only confirm names found in
// prose or known places.
func TestHeadlines(t *testing.T) {
	text := "Follow Us:\n\nTrump Begins Historic Summit At Forefront\n\nTIS Desk | Alaska |\n\n" +
		"US President Donald Trump began talks in Anchorage on Friday. Earlier, Trump met reporters."
	d := find(t, text, entity.Header{})
	for _, bad := range []string{"Follow Us", "Us", "TIS Desk", "Historic", "Summit", "Forefront", "Earlier", "Begins"} {
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				if m.Text == bad {
					t.Errorf("%q tagged as %s %s", bad, e.Type, e.Name)
				}
			}
		}
	}
	e := byName(d, "Donald Trump")
	if e == nil || len(e.Mentions) != 3 {
		t.Errorf("Donald Trump: %+v, want 3 mentions (headline, name, short)", e)
	}
	if byName(d, "Alaska") == nil {
		t.Errorf("Alaska not found in %s", names(d))
	}
}

// TestDocShared checks what later stages read: the token-to-entity index
// and the parts.
func TestDocShared(t *testing.T) {
	d := find(t, "Kremlin spokesperson Dmitry Peskov said he agreed.", entity.Header{Title: "Peskov Agrees"})
	if len(d.Parts) != 2 || d.Parts[1].Field != entity.FieldTitle {
		t.Fatalf("parts %d", len(d.Parts))
	}
	p := d.Parts[0]
	for i, tk := range p.Tokens {
		e := d.EntityAt(0, i)
		want := map[string]string{"Kremlin": "Kremlin", "Dmitry": "Dmitry Peskov", "Peskov": "Dmitry Peskov", "he": "Dmitry Peskov"}[tk.Text]
		got := ""
		if e >= 0 {
			got = d.Entities[e].Name
		}
		if got != want {
			t.Errorf("token %q: entity %q, want %q", tk.Text, got, want)
		}
	}
	if e := d.EntityAt(1, 0); e < 0 || d.Entities[e].Name != "Dmitry Peskov" {
		t.Errorf("title's Peskov not joined to Dmitry Peskov")
	}
}

// TestDesignatedPlaces retypes as places the names that a word of
// geography opens or closes, which the tagger may read as people's, and
// leaves alone a person whose surname is such a word in other names.
func TestDesignatedPlaces(t *testing.T) {
	d := find(t, "Visitors drove from Fort Myers to Mount Vernon and on to Snake River. Mayor Ellen Park spoke.", entity.Header{})
	checkTypes(t, d, "Fort Myers", "PLACE", "Mount Vernon", "PLACE", "Snake River", "PLACE", "Ellen Park", "PERSON")
}

// checkTypes checks the types of the named entities of d, given as
// name, type pairs.
func checkTypes(t *testing.T, d *entity.Doc, pairs ...string) {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		name, typ := pairs[i], pairs[i+1]
		e := byName(d, name)
		if e == nil {
			t.Errorf("%q not found in %s", name, names(d))
			continue
		}
		if e.Type != typ {
			t.Errorf("%s: %s, want %s", name, e.Type, typ)
		}
	}
}

// TestRetypeByContext: a person before "administration" though tagged
// a place, a city before ", STATE" though tagged an organisation, an
// organisation named like one though tagged a person.
func TestRetypeByContext(t *testing.T) {
	d := find(t, "On the strength of that evidence, the Biden administration urged schools to act. The study covered more than 20,000 students in Miami; Chicago; Atlanta; Winston-Salem and Greensboro, North Carolina; Greenville, South Carolina. This story was produced by The Hechinger Report, a nonprofit news organization. Sign up for Hechinger newsletters.", entity.Header{})
	checkTypes(t, d, "Biden", "PERSON", "Greensboro", "PLACE", "North Carolina", "PLACE", "Hechinger Report", "ORG")
	if e := byName(d, "Hechinger"); e != nil && e.Type == "PERSON" {
		t.Errorf("Hechinger, short for The Hechinger Report, is a person")
	}
}

// TestSurnameInCapitals joins a surname written in capitals, as a
// transcript labels its speakers, to the person named in full.
func TestSurnameInCapitals(t *testing.T) {
	text := "Senator Maria Lopez spoke to the station on Sunday.\n\n" +
		"DAVIS: Will the bridge open before winter?\n\n" +
		"LOPEZ: We expect it to open in November.\n\n" +
		"DAVIS: And the cost?\n\n" +
		"LOPEZ: It stays within the budget."
	d := find(t, text, entity.Header{})
	e := byName(d, "Maria Lopez")
	if e == nil {
		t.Fatalf("Maria Lopez not found in %s", names(d))
	}
	caps := 0
	for _, m := range e.Mentions {
		if m.Text == "LOPEZ" {
			caps++
		}
	}
	if caps != 2 {
		t.Errorf("%d mentions \"LOPEZ\" of Maria Lopez, want 2 (entities: %s)", caps, names(d))
	}
}

// TestCapitalsNotLabel keeps a city in capitals opening a story apart
// from a person of the same surname: only a speaker's label is joined.
func TestCapitalsNotLabel(t *testing.T) {
	text := "WASHINGTON — The actor Denzel Washington visited the school on Monday. Washington spoke to students."
	d := find(t, text, entity.Header{})
	e := byName(d, "Denzel Washington")
	if e == nil {
		t.Fatalf("Denzel Washington not found in %s", names(d))
	}
	for _, m := range e.Mentions {
		if m.Text == "WASHINGTON" {
			t.Errorf("the dateline %q joined Denzel Washington (entities: %s)", m.Text, names(d))
		}
	}
}
