package event

import (
	"strings"
	"testing"

	"github.com/datelinehq/dateline"
	"github.com/datelinehq/dateline/segment"
)

// entities builds entities whose mentions are every whole occurrence of
// the given names.
func entities(text string, specs ...[3]string) []dateline.Entity {
	rs := []rune(text)
	var out []dateline.Entity
	for _, s := range specs {
		e := dateline.Entity{ID: s[0], Name: s[0], Type: s[1]}
		for _, m := range strings.Split(s[2], "|") {
			mr := []rune(m)
			for i := 0; i+len(mr) <= len(rs); i++ {
				if string(rs[i:i+len(mr)]) == m {
					e.Mentions = append(e.Mentions, dateline.Span{Text: m, Start: i, End: i + len(mr)})
				}
			}
		}
		out = append(out, e)
	}
	return out
}

func TestFind(t *testing.T) {
	text := "Donald Trump and Vladimir Putin began talks in Anchorage on Friday (local time), CNN reported.\n\n" +
		"Putin is joined by Sergey Lavrov and Yury Ushakov, while Trump is accompanied by Marco Rubio and Steve Witkoff.\n\n" +
		"Volodymyr Zelenskyy visited Berlin yesterday."
	ents := entities(text,
		[3]string{"Trump", "PERSON", "Donald Trump|Trump"},
		[3]string{"Putin", "PERSON", "Vladimir Putin|Putin"},
		[3]string{"Lavrov", "PERSON", "Sergey Lavrov"},
		[3]string{"Ushakov", "PERSON", "Yury Ushakov"},
		[3]string{"Rubio", "PERSON", "Marco Rubio"},
		[3]string{"Witkoff", "PERSON", "Steve Witkoff"},
		[3]string{"Zelenskyy", "PERSON", "Volodymyr Zelenskyy"},
		[3]string{"Anchorage", "PLACE", "Anchorage"},
		[3]string{"Berlin", "PLACE", "Berlin"},
		[3]string{"CNN", "ORG", "CNN"},
	)
	// Overlapping short mentions ("Trump" inside "Donald Trump") are
	// dropped by the index, which keys mentions by start.
	evs := Find([]rune(text), segment.Split(text), ents, nil, "2025-08-16T05:12:00+05:30")
	want := []string{
		"meeting [Trump Putin] place=Anchorage when=Friday (local time) date=2025-08-15",
		"delegation leader=Putin [Lavrov Ushakov]",
		"delegation leader=Trump [Rubio Witkoff]",
		"visit [Zelenskyy] place=Berlin when=yesterday date=2025-08-15",
	}
	var got []string
	for _, e := range evs {
		switch e.Kind {
		case "meeting", "visit":
			got = append(got, e.Kind+" "+strings.Join([]string{"[" + strings.Join(e.Participants, " ") + "]", "place=" + e.Place, "when=" + e.When, "date=" + e.Date}, " "))
		case "delegation":
			got = append(got, "delegation leader="+e.Leader+" ["+strings.Join(e.Participants, " ")+"]")
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWhen(t *testing.T) {
	const pub = "2025-08-16" // a Saturday
	for _, tc := range []struct {
		name, text, when, date string
		future                 bool
	}{
		{"weekday past", "They met on Friday.", "Friday", "2025-08-15", false},
		{"same weekday", "They met on Saturday.", "Saturday", "2025-08-16", false},
		{"last weekday", "They met last Saturday.", "last Saturday", "2025-08-09", false},
		{"future weekday", "They will meet on Monday.", "Monday", "2025-08-18", true},
		{"local time", "Talks began on Friday (local time).", "Friday (local time)", "2025-08-15", false},
		{"this week", "He said so earlier this week.", "earlier this week", "2025-W33", false},
		{"yesterday", "It happened yesterday.", "yesterday", "2025-08-15", false},
		{"month day", "It happened on Aug. 14.", "Aug. 14", "2025-08-14", false},
		{"month day year", "It happened on August 14, 2024.", "August 14, 2024", "2024-08-14", false},
		{"day month", "It happened on 14 August.", "14 August", "2025-08-14", false},
		{"may the verb", "He may go.", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := segment.Split(tc.text)
			w, ok := findWhen([]rune(tc.text), s[0].Tokens, pub, tc.future)
			if !ok && tc.when != "" || ok && (w.text != tc.when || w.date != tc.date) {
				t.Errorf("got %q %q (%v), want %q %q", w.text, w.date, ok, tc.when, tc.date)
			}
		})
	}
}
