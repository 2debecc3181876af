package pubdate

import "testing"

func TestHasDigit(t *testing.T) {
	for _, s := range []string{"", "a", "abcdefgh", "abcdefghi", "ä/:;@`", "\xff\x80\xaf\xba/:", "abcdefg0", "0", "abcdefghijklmnop9", "12345678", "////::::////::::", "\xb0\xb9\xb5\xb6\xb0\xb9\xb5\xb6"} {
		want := false
		for i := 0; i < len(s); i++ {
			if s[i] >= '0' && s[i] <= '9' {
				want = true
			}
		}
		if got := hasDigit(s); got != want {
			t.Errorf("hasDigit(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzHasDigit(f *testing.F) {
	f.Add("abcdefgh1")
	f.Fuzz(func(t *testing.T, s string) {
		want := false
		for i := 0; i < len(s); i++ {
			if s[i] >= '0' && s[i] <= '9' {
				want = true
			}
		}
		if got := hasDigit(s); got != want {
			t.Errorf("hasDigit(%q) = %v, want %v", s, got, want)
		}
	})
}
