package extract

import (
	"slices"
	"testing"
)

func TestAuthorsFrom(t *testing.T) {
	tests := []struct {
		name, byline string
		want         []string
	}{
		{"desk", "TIS Desk", nil},
		{"agency", "Reuters", nil},
		{"staff", "By Staff Writer", nil},
		{"one person", "By Jane Doe", []string{"Jane Doe"}},
		{"two people", "By Jane Doe and John Roe, Reuters", []string{"Jane Doe", "John Roe"}},
		{"particle", "Ursula von der Leyen", []string{"Ursula von der Leyen"}},
		{"email", "jane@example.com", nil},
		{"lowercase words", "the editorial board", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := authorsFrom(tt.byline); !slices.Equal(got, tt.want) {
				t.Errorf("authorsFrom(%q) = %q, want %q", tt.byline, got, tt.want)
			}
		})
	}
}

func TestCleanByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Jane Doe", "Jane Doe"},
		{"Oleg Parashchak Jul 18, 2025 7 min", "Oleg Parashchak"},
		{"David Jackson Last updated on: October 1, 2025", "David Jackson"},
		{"Written By: Cazzy Magennis Last Updated: August 1, 2025", "Cazzy Magennis"},
		{"Dylan Bailey, MS, RD Dylan Bailey, MS, RD", "Dylan Bailey, MS, RD"},
		{"byClemson News", "Clemson News"},
		{"Full Bio", ""},
		{"August 28, 2025", ""},
		{"TIS Desk", "TIS Desk"},
	}
	for _, tt := range tests {
		if got := cleanByline(tt.in); got != tt.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDatelineOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ANCHORAGE, Alaska (AP) — President Trump met...", "ANCHORAGE, Alaska"},
		{"WASHINGTON: The Senate voted...", "WASHINGTON"},
		{"KYIV, Ukraine — Officials said", "KYIV, Ukraine"},
		{"The Senate voted on Monday — a surprise.", ""},
		{"A — B", ""},
	}
	for _, tt := range tests {
		if got := datelineOf(tt.in); got != tt.want {
			t.Errorf("datelineOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitTitle(t *testing.T) {
	tests := []struct{ in, head, site string }{
		{"Trump, Putin Begin Summit | TIS", "Trump, Putin Begin Summit", "TIS"},
		{"BBC News - Storm hits the coast of Cornwall", "Storm hits the coast of Cornwall", "BBC News"},
		{"Plain headline", "Plain headline", ""},
	}
	for _, tt := range tests {
		h, s := splitTitle(tt.in)
		if h != tt.head || s != tt.site {
			t.Errorf("splitTitle(%q) = %q, %q; want %q, %q", tt.in, h, s, tt.head, tt.site)
		}
	}
}

func TestNormSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a \n\t b  ", "a b"},
		{"a\u00a0b\u200bc", "a bc"},
		{"clean text", "clean text"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := normSpace(tt.in); got != tt.want {
			t.Errorf("normSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseCredit(t *testing.T) {
	tests := []struct {
		line string
		want credit
		ok   bool
	}{
		{"TIS Desk | Alaska |", credit{byline: "TIS Desk", place: "Alaska"}, true},
		{"By Jane Doe | Washington | Aug 16, 2025", credit{byline: "Jane Doe", place: "Washington", date: "2025-08-16"}, true},
		{"This is | not a credit line because it is a sentence.", credit{}, false},
		{"Follow us on social media", credit{}, false},
	}
	for _, tt := range tests {
		got, ok := parseCredit(tt.line)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseCredit(%q) = %+v, %v; want %+v, %v", tt.line, got, ok, tt.want, tt.ok)
		}
	}
}
