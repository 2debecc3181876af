package pubdate

import (
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "" means not a date
	}{
		{"iso date", "2016-12-23", "2016-12-23"},
		{"iso utc", "2016-12-23T10:20:30Z", "2016-12-23T10:20:30Z"},
		{"iso offset", "2025-08-16T05:12:00+05:30", "2025-08-16T05:12:00+05:30"},
		{"iso fraction compact offset", "2016-12-23T10:20:30.123+0100", "2016-12-23T10:20:30+01:00"},
		{"iso fraction after colon", "2022-01-10T22:06:08:684Z", "2022-01-10T22:06:08Z"},
		{"iso no zone is a day", "2016-12-23 10:20", "2016-12-23"},
		{"iso slashes", "2016/12/23", "2016-12-23"},
		{"compact", "20161223", "2016-12-23"},
		{"rfc 1123", "Fri, 23 Dec 2016 10:20:30 GMT", "2016-12-23T10:20:30Z"},
		{"rfc 1123 numeric zone", "Fri, 23 Dec 2016 10:20:30 -0500", "2016-12-23T10:20:30-05:00"},
		{"english month first", "August 16, 2025", "2025-08-16"},
		{"english ordinal", "Aug. 16th, 2025", "2025-08-16"},
		{"english day first", "16 August 2025", "2025-08-16"},
		{"english of", "the 23rd of December, 2016", "2016-12-23"},
		{"english pm zone", "Dec 23, 2016 3:45 pm EST", "2016-12-23T15:45:00-05:00"},
		{"english p.m.", "Dec 23, 2016 at 3:45 p.m. UTC", "2016-12-23T15:45:00Z"},
		{"german numeric", "23.12.2016", "2016-12-23"},
		{"german numeric short", "3.5.2019", "2019-05-03"},
		{"german two-digit year", "23.12.16", "2016-12-23"},
		{"german month", "23. Dezember 2016", "2016-12-23"},
		{"german umlaut", "1. März 2016", "2016-03-01"},
		{"german latin-1 umlaut", "1. M\xe4rz 2016", "2016-03-01"},
		{"german abbreviation", "6. Mär. 2023", "2023-03-06"},
		{"german prose", "Veröffentlicht am 23.12.2016 um 10:00 Uhr", "2016-12-23"},
		{"german weekday", "Montag, 23. Dezember 2019, 10:30 Uhr", "2019-12-23"},
		{"austrian", "2. Jänner 2020", "2020-01-02"},
		{"french", "le 1er août 2016", "2016-08-01"},
		{"french accent", "12 décembre 2019", "2019-12-12"},
		{"spanish", "16 de agosto de 2025", "2025-08-16"},
		{"italian", "14 Gennaio 2020", "2020-01-14"},
		{"dutch", "3 maart 2021", "2021-03-03"},
		{"russian", "15 августа 2016, 13:43", "2016-08-15"},
		{"japanese", "2016年12月23日", "2016-12-23"},
		{"us slashes", "12/23/2016", "2016-12-23"},
		{"ambiguous slashes are month first", "02/10/2020", "2020-02-10"},
		{"unambiguous day first slashes", "23/12/2016", "2016-12-23"},
		{"dashes day first", "29-10-2021", "2021-10-29"},
		{"date after text", "Posted on December 23, 2016 by admin", "2016-12-23"},

		{"empty", "", ""},
		{"words", "hello world", ""},
		{"month 13", "2016-13-01", ""},
		{"february 30", "2016-02-30", ""},
		{"leap day", "2016-02-29", "2016-02-29"},
		{"no leap day", "2017-02-29", ""},
		{"too early", "1990-01-01", ""},
		{"future", "3000-01-01", ""},
		{"version number", "v1.2.2016.3", ""},
		{"month and year only", "Dezember 2016", ""},
		{"day and month only", "23. Dezember", ""},
		{"number run", "123456789", ""},
		{"price", "12.50 EUR", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Parse(tt.in)
			if tt.want == "" {
				if ok {
					t.Errorf("Parse(%q) = %q, want no date", tt.in, got)
				}
				return
			}
			if !ok || got != tt.want {
				t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestParseLongInput(t *testing.T) {
	// Linear time: a megabyte of near-dates must not take long.
	in := strings.Repeat("12.12.12.12.", 1<<17) + " 23.12.2016"
	start := time.Now()
	Parse(in)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Parse of %d bytes took %v", len(in), d)
	}
}

func TestDateFromURL(t *testing.T) {
	tests := []struct {
		name string
		url  string
		want string // the date, or "" for none
	}{
		{"path", "https://example.com/2016/12/23/slug/", "2016-12-23"},
		{"dashes", "https://example.com/news/2016-12-23-slug.html", "2016-12-23"},
		{"compact", "https://example.com/20161223/slug", "2016-12-23"},
		{"day first", "https://example.com/meldungen/29-10-2021", "2021-10-29"},
		{"month only", "https://example.com/2016/12/slug.html", ""},
		{"one-digit day ends component", "https://example.com/2017/7/12/slug", "2017-07-12"},
		{"slug number is not a day", "https://example.com/2023/10/3-fragen-an/", ""},
		{"wayback capture date ignored", "https://web.archive.org/web/20190717140047/http://example.com/paris-ss14", ""},
		{"wayback keeps archived path", "https://web.archive.org/web/20190717140047/http://example.com/2014/01/27/x", "2014-01-27"},
		{"id is not a date", "https://example.com/a/sieben-berufe,3050673", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, ok := dateFromURL(tt.url)
			got := ""
			if ok {
				got = st.day()
			}
			if got != tt.want {
				t.Errorf("dateFromURL(%q) = %q, want %q", tt.url, got, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2016-12-23T10:20:30Z", "23. Dezember 2016", "Fri, 23 Dec 2016 10:20:30 -0500",
		"12/23/2016", "2016年12月23日", "1. M\xe4rz 2016", "15 августа 2016", "20161223T1010", "23.12.16 um 10:00 Uhr"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := Parse(s)
		if !ok {
			if got != "" {
				t.Errorf("Parse(%q) = %q with ok=false", s, got)
			}
			return
		}
		layout := "2006-01-02"
		if len(got) > 10 {
			layout = time.RFC3339
		}
		if _, err := time.Parse(layout, got); err != nil {
			t.Errorf("Parse(%q) = %q, not %s: %v", s, got, layout, err)
		}
	})
}
