package gazetteer

import "testing"

func TestLookup(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, kind, country, canonical string
	}{
		{"Anchorage", "city", "US", "Anchorage"},
		{"Alaska", "state", "US", "Alaska"},
		{"US", "country", "US", "United States"},
		{"U.S.", "country", "US", "United States"},
		{"Russia", "country", "RU", "Russia"},
		{"Russian Federation", "country", "RU", "Russia"},
		{"Kyiv", "city", "UA", "Kyiv"},
		{"Europe", "region", "", "Europe"},
		{"Washington", "city", "US", "Washington, D.C."},
		{"Kiev", "city", "UA", "Kyiv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := g.Lookup(tt.name)
			if len(ps) == 0 {
				t.Fatalf("Lookup(%q): nothing", tt.name)
			}
			p := ps[0]
			if p.Kind != tt.kind || p.Country != tt.country || p.Name != tt.canonical {
				t.Errorf("Lookup(%q)[0] = %s %s %q, want %s %s %q", tt.name, p.Kind, p.Country, p.Name, tt.kind, tt.country, tt.canonical)
			}
		})
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct {
		word, place string
		people      bool
	}{
		{"Russian", "Russia", false},
		{"Russians", "Russia", true},
		{"Ukrainian", "Ukraine", false},
		{"European", "Europe", false},
		{"Swiss", "Switzerland", true},
	}
	for _, tt := range tests {
		p, people, ok := Demonym(tt.word)
		if !ok || p != tt.place || people != tt.people {
			t.Errorf("Demonym(%q) = %q %v %v, want %q %v", tt.word, p, people, ok, tt.place, tt.people)
		}
	}
	// Every demonym's place is in the gazetteer.
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for w, p := range demonyms {
		if !g.Known(p) {
			t.Errorf("demonym %q names %q, not in the gazetteer", w, p)
		}
	}
}

// BenchmarkLoad measures parsing the embedded table, paid once per
// process.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
