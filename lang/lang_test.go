package lang

import "testing"

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The council said that the barriers would be built by the city in the spring, and that it was a good plan.", "en"},
		{"Die Bauarbeiten an der Straße beginnen am Montag und dauern nach Angaben der Stadt bis zum Herbst, sagte er.", "de"},
		{"Le conseil a dit que les travaux de la ville commencent lundi et qu'ils sont pour le mois de mai.", "fr"},
		{"Москва является столицей России и крупнейшим городом страны.", "ru"},
		{"12345 67890", ""},
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%.30q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{{"en-US", "en"}, {"de_DE", "de"}, {" FR ", "fr"}, {"english", ""}, {"", ""}}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
