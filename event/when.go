package event

import (
	"fmt"
	"strings"
	"time"

	"github.com/datelinehq/dateline/segment"
)

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// when is a time expression found in a sentence.
type when struct {
	first, last int // tokens [first, last)
	text        string
	date        string // resolved, or ""
}

// findWhen returns the first time expression among toks, resolved
// against pub (a date or RFC 3339 time; "" leaves relative times
// unresolved). future says the sentence speaks of what is to come, so a
// bare weekday means the next one rather than the last.
func findWhen(text []rune, toks []segment.Token, pub string, future bool) (when, bool) {
	ref, hasRef := parsePub(pub)
	lw := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return strings.TrimSuffix(strings.ToLower(toks[i].Text), ".")
	}
	for i := range toks {
		w := lw(i)
		var e when
		switch {
		case w == "today" || w == "tonight":
			e = when{first: i, last: i + 1}
			if hasRef {
				e.date = day(ref)
			}
		case w == "yesterday":
			e = when{first: i, last: i + 1}
			if hasRef {
				e.date = day(ref.AddDate(0, 0, -1))
			}
		case w == "tomorrow":
			e = when{first: i, last: i + 1}
			if hasRef {
				e.date = day(ref.AddDate(0, 0, 1))
			}
		case w == "week" && i > 0 && (lw(i-1) == "this" || lw(i-1) == "last" || lw(i-1) == "next"):
			e = when{first: i - 1, last: i + 1}
			if lw(i-2) == "earlier" || lw(i-2) == "later" {
				e.first = i - 2
			}
			if hasRef {
				shift := map[string]int{"this": 0, "last": -7, "next": 7}[lw(i-1)]
				y, wk := ref.AddDate(0, 0, shift).ISOWeek()
				e.date = fmt.Sprintf("%04d-W%02d", y, wk)
			}
		case weekdays[w] != 0 || w == "sunday":
			e = when{first: i, last: i + 1}
			if lw(i+1) == "(" && lw(i+2) == "local" && lw(i+3) == "time" && lw(i+4) == ")" {
				e.last = i + 5
			} else if p := lw(i + 1); p == "morning" || p == "afternoon" || p == "evening" || p == "night" {
				e.last = i + 2
			}
			next := future || lw(i-1) == "next"
			if lw(i-1) == "last" || lw(i-1) == "next" || lw(i-1) == "this" {
				e.first = i - 1
			}
			if hasRef {
				e.date = day(nearestWeekday(ref, weekdays[w], next, lw(i-1) == "last"))
			}
		case months[w] != 0 && w != "may" || w == "may" && isDay(lw(i+1)):
			if isDay(lw(i + 1)) {
				e = when{first: i, last: i + 2}
				d := atoi(lw(i + 1))
				y := 0
				if lw(i+2) == "," && isYear(lw(i+3)) {
					e.last, y = i+4, atoi(lw(i+3))
				} else if isYear(lw(i + 2)) {
					e.last, y = i+3, atoi(lw(i+2))
				}
				if y == 0 && hasRef {
					y = ref.Year()
				}
				if y > 0 {
					e.date = fmt.Sprintf("%04d-%02d-%02d", y, months[w], d)
				}
			} else if isDay(lw(i - 1)) {
				e = when{first: i - 1, last: i + 1}
				if hasRef {
					e.date = fmt.Sprintf("%04d-%02d-%02d", ref.Year(), months[w], atoi(lw(i-1)))
				}
			} else {
				continue
			}
		default:
			continue
		}
		e.text = string(text[toks[e.first].Start:toks[e.last-1].End])
		return e, true
	}
	return when{}, false
}

// nearestWeekday is the weekday wd nearest ref in the direction the
// sentence speaks of: on or before ref for past events (news mostly
// reports what happened), after it for future ones; "last Friday" is the
// one before the current week's.
func nearestWeekday(ref time.Time, wd time.Weekday, future, last bool) time.Time {
	d := int(ref.Weekday()) - int(wd)
	if future {
		d = int(wd) - int(ref.Weekday())
		if d < 0 {
			d += 7
		}
		return ref.AddDate(0, 0, d)
	}
	if d < 0 {
		d += 7
	}
	if last && d == 0 {
		d = 7
	}
	return ref.AddDate(0, 0, -d)
}

func parsePub(pub string) (time.Time, bool) {
	if len(pub) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", pub[:10])
	return t, err == nil
}

func day(t time.Time) string { return t.Format("2006-01-02") }

func isDay(s string) bool {
	s = strings.TrimRight(s, "stndrh") // 15th, 1st, 2nd, 3rd
	n := atoi(s)
	return n >= 1 && n <= 31 && len(s) <= 2
}

func isYear(s string) bool { n := atoi(s); return len(s) == 4 && n >= 1900 && n <= 2200 }

func atoi(s string) int {
	n := 0
	if s == "" {
		return -1
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			if c >= 'a' && c <= 'z' {
				break
			}
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}
