package sqlite

import "testing"

func TestFTSQuery(t *testing.T) {
	tests := []struct {
		name, q, want string
	}{
		{"words", "ceasefire Ukraine", `"ceasefire" AND "Ukraine"`},
		{"phrase", `"white house" talks`, `"white house" AND "talks"`},
		{"OR", "republican OR democrat", `("republican" OR "democrat")`},
		{"prefix", "tax*", `"tax"*`},
		{"short prefix is a word", "a* tr*", `"a" AND "tr"`},
		{"exclusion", "government -shutdown", `("government") NOT ("shutdown")`},
		{"syntax is inert", `NEAR(x) title:y ^z`, `"NEAR x" AND "title y" AND "z"`},
		{"nothing", " * ", ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ftsQuery(tt.q)
			if err != nil || got != tt.want {
				t.Errorf("ftsQuery(%q) = %q, %v; want %q", tt.q, got, err, tt.want)
			}
		})
	}
}
