package pubdate

import "time"

// stamp is a date with an optional time of day and offset.
type stamp struct {
	y, m, d     int
	hh, mm, ss  int
	hasTime     bool
	hasZone     bool
	zoneMinutes int // offset east of UTC
}

// minYear is the earliest plausible publication year: the web had few
// dated pages before 1995 (htmldate uses the same floor).
const minYear = 1995

// String renders s as RFC 3339 when both a time and an offset are known,
// else as a bare date: a time without an offset is not a point in time.
func (s stamp) String() string {
	if s.hasTime && s.hasZone {
		return s.time().Format(time.RFC3339)
	}
	return s.day()
}

// day renders the date part as YYYY-MM-DD.
func (s stamp) day() string {
	var b [10]byte
	put := func(i, v, n int) {
		for k := n - 1; k >= 0; k-- {
			b[i+k] = byte('0' + v%10)
			v /= 10
		}
	}
	put(0, s.y, 4)
	b[4] = '-'
	put(5, s.m, 2)
	b[7] = '-'
	put(8, s.d, 2)
	return string(b[:])
}

// key orders stamps by day.
func (s stamp) key() int { return s.y*10000 + s.m*100 + s.d }

// before reports whether s is earlier than t: by the instant when both
// have a time and an offset, else by the day.
func (s stamp) before(t stamp) bool {
	if s.hasTime && s.hasZone && t.hasTime && t.hasZone {
		return s.time().Before(t.time())
	}
	return s.key() < t.key()
}

// time returns s as a time.Time (UTC when s has no offset).
func (s stamp) time() time.Time {
	return time.Date(s.y, time.Month(s.m), s.d, s.hh, s.mm, s.ss, 0, time.FixedZone("", s.zoneMinutes*60))
}

// valid reports whether the fields make a real calendar day within the
// plausible range (1995 up to tomorrow).
func (s stamp) valid() bool {
	if s.y < minYear || s.m < 1 || s.m > 12 || s.d < 1 || s.d > daysIn(s.y, s.m) {
		return false
	}
	return s.key() <= maxKey()
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// maxKey is tomorrow's day key: pages are never dated in the future
// (allowing a day for time zones).
func maxKey() int {
	t := time.Now().UTC().AddDate(0, 0, 1)
	return t.Year()*10000 + int(t.Month())*100 + t.Day()
}

// Parse normalises one date string as found in markup or text (ISO 8601,
// RFC 1123, "August 16, 2025", "16.08.2025", German, French, Spanish and
// other month names) to RFC 3339 when a time and offset are known, else to
// YYYY-MM-DD. It reads the first date in s; ok is false if there is no
// plausible one (before 1995, in the future, or not a calendar day).
//
// An ambiguous n/n/yyyy is read as month/day/year, the convention of the
// English-language pages that write dates with slashes.
func Parse(s string) (date string, ok bool) {
	st, ok := parseStamp(s, false)
	if !ok {
		return "", false
	}
	return st.String(), true
}

// maxParseTokens bounds the work Parse does on one string.
const maxParseTokens = 4096

// parseStamp finds the first date in s. A string that is only digits may be
// a compact date (20161223) as used in attributes. With dayFirst, an
// ambiguous n/n/yyyy is day/month/year.
func parseStamp(s string, dayFirst bool) (stamp, bool) {
	var buf [64]token
	toks := tokenize(buf[:0], s, maxParseTokens)
	if len(toks) > 0 && toks[0].kind == tNum && toks[0].n == 8 {
		if st, ok := compact(toks[0].v); ok {
			if len(toks) == 1 {
				return st, true
			}
			if t := toks[1]; t.kind == tWord && !t.space && equalFoldASCII(t.s, "t") {
				st, _ = matchTime(toks, 2, st)
				return st, true
			}
		}
	}
	for i := range toks {
		if st, _, ok := matchDate(toks, i, dayFirst); ok {
			return st, true
		}
	}
	return stamp{}, false
}

// compact reads YYYYMMDD.
func compact(v int) (stamp, bool) {
	st := stamp{y: v / 10000, m: v / 100 % 100, d: v % 100}
	return st, st.valid()
}

// matchDate tries to read a date starting at toks[i]. It returns the stamp,
// the index after the last token used and whether it matched. With
// dayFirst, an ambiguous n/n/yyyy is read as day/month/year.
func matchDate(toks []token, i int, dayFirst bool) (stamp, int, bool) {
	t := toks[i]
	var st stamp
	end := -1
	switch t.kind {
	case tNum:
		switch {
		case t.n == 4:
			st, end = matchYearFirst(toks, i)
		case t.n <= 2:
			st, end = matchDayFirst(toks, i, dayFirst)
		}
	case tWord:
		st, end = matchMonthFirst(toks, i)
	}
	if end < 0 || !st.valid() {
		return stamp{}, i + 1, false
	}
	st, end = matchTime(toks, end, st)
	return st, end, true
}

// punctAt reports whether toks[i] is the punctuation character c.
func punctAt(toks []token, i int, c string) bool {
	return i < len(toks) && toks[i].kind == tPunct && toks[i].s == c
}

// numAt returns toks[i] if it is a number of at most maxDigits digits.
func numAt(toks []token, i, minDigits, maxDigits int) (int, bool) {
	if i < len(toks) && toks[i].kind == tNum && toks[i].n >= minDigits && toks[i].n <= maxDigits {
		return toks[i].v, true
	}
	return 0, false
}

// glued reports whether toks[i] continues a number (a digit group,
// a decimal or a version), in which case a date match ending there is a
// false positive such as "1.2.2016.3" or "2016-12-23-4".
func glued(toks []token, i int) bool {
	if i+1 >= len(toks) || toks[i].space || toks[i+1].space {
		return false
	}
	if toks[i].kind != tPunct || toks[i+1].kind != tNum {
		return false
	}
	switch toks[i].s {
	case ".", "-", "/", ",":
		return true
	}
	return false
}

// matchYearFirst reads 2016-12-23, 2016/12/23, 2016.12.23 and 2016年12月23日.
func matchYearFirst(toks []token, i int) (stamp, int) {
	y := toks[i].v
	if i+1 < len(toks) && toks[i+1].kind == tPunct && !toks[i+1].space {
		sep := toks[i+1].s
		if sep != "-" && sep != "/" && sep != "." {
			return stamp{}, -1
		}
		m, ok := numAt(toks, i+2, 1, 2)
		if !ok || toks[i+2].space || !punctAt(toks, i+3, sep) || toks[i+3].space {
			return stamp{}, -1
		}
		d, ok := numAt(toks, i+4, 1, 2)
		if !ok || toks[i+4].space || glued(toks, i+5) {
			return stamp{}, -1
		}
		return stamp{y: y, m: m, d: d}, i + 5
	}
	if i+5 < len(toks) && toks[i+1].s == "年" && toks[i+3].s == "月" && toks[i+5].s == "日" {
		m, ok1 := numAt(toks, i+2, 1, 2)
		d, ok2 := numAt(toks, i+4, 1, 2)
		if ok1 && ok2 {
			return stamp{y: y, m: m, d: d}, i + 6
		}
	}
	return stamp{}, -1
}

// matchDayFirst reads 23.12.2016, 23/12/2016, 12/23/2016, 23-12-2016,
// "23. Dezember 2016", "23rd of December, 2016", "23 de diciembre de 2016".
func matchDayFirst(toks []token, i int, dayFirst bool) (stamp, int) {
	if i+1 >= len(toks) {
		return stamp{}, -1
	}
	if t := toks[i+1]; t.kind == tPunct && !t.space && (t.s == "." || t.s == "/" || t.s == "-") {
		if st, end := matchNumericDMY(toks, i, dayFirst); end >= 0 {
			return st, end
		}
	}
	return matchNamedDMY(toks, i)
}

// matchNumericDMY reads n.n.yyyy, n/n/yyyy, n-n-yyyy and n.n.yy, the
// separators glued to the numbers.
func matchNumericDMY(toks []token, i int, dayFirst bool) (stamp, int) {
	a, sep := toks[i].v, toks[i+1].s
	b, ok := numAt(toks, i+2, 1, 2)
	if !ok || toks[i+2].space || !punctAt(toks, i+3, sep) || toks[i+3].space {
		return stamp{}, -1
	}
	y, ok := numAt(toks, i+4, 2, 4)
	if !ok || toks[i+4].n == 3 || toks[i+4].space || glued(toks, i+5) {
		return stamp{}, -1
	}
	if toks[i+4].n == 2 {
		if sep != "." {
			return stamp{}, -1
		}
		y = twoDigitYear(y)
	}
	if i > 0 && glued(toks, i-1) && toks[i-1].kind == tPunct {
		return stamp{}, -1 // part of a longer dotted number such as 1.23.12.2016
	}
	d, m := a, b
	switch {
	case sep == "/" && b > 12:
		d, m = b, a
	case sep == "/" && a <= 12 && !dayFirst:
		d, m = b, a
	}
	return stamp{y: y, m: m, d: d}, i + 5
}

// matchNamedDMY reads "23. Dezember 2016" and friends.
func matchNamedDMY(toks []token, i int) (stamp, int) {
	j := i + 1
	if j < len(toks) && toks[j].kind == tWord && !toks[j].space && wordIs(toks[j].s, "st", "nd", "rd", "th", "er", "e", "o", "ª", "º") {
		j++ // ordinal suffix
	}
	if punctAt(toks, j, ".") {
		j++
	}
	if j < len(toks) && toks[j].kind == tWord && wordIs(toks[j].s, "de", "of", "del") {
		j++
	}
	if j >= len(toks) || toks[j].kind != tWord {
		return stamp{}, -1
	}
	m := monthOf(toks[j].s)
	if m == 0 {
		return stamp{}, -1
	}
	j++
	if punctAt(toks, j, ".") {
		j++
	}
	if punctAt(toks, j, ",") {
		j++
	}
	if j < len(toks) && toks[j].kind == tWord && wordIs(toks[j].s, "de", "del") {
		j++
	}
	y, ok := numAt(toks, j, 4, 4)
	if !ok || glued(toks, j+1) {
		return stamp{}, -1
	}
	return stamp{y: y, m: m, d: toks[i].v}, j + 1
}

// matchMonthFirst reads "December 23, 2016", "Dec. 23rd 2016".
func matchMonthFirst(toks []token, i int) (stamp, int) {
	m := monthOf(toks[i].s)
	if m == 0 {
		return stamp{}, -1
	}
	j := i + 1
	if punctAt(toks, j, ".") {
		j++
	}
	d, ok := numAt(toks, j, 1, 2)
	if !ok {
		return stamp{}, -1
	}
	j++
	if j < len(toks) && toks[j].kind == tWord && !toks[j].space && wordIs(toks[j].s, "st", "nd", "rd", "th") {
		j++
	}
	if punctAt(toks, j, ",") || punctAt(toks, j, ".") {
		j++
	}
	y, ok := numAt(toks, j, 4, 4)
	if !ok || glued(toks, j+1) {
		return stamp{}, -1
	}
	return stamp{y: y, m: m, d: d}, j + 1
}

// twoDigitYear reads yy as the most recent year ending in yy that is not
// in the future.
func twoDigitYear(yy int) int {
	cur := time.Now().Year()
	y := cur - cur%100 + yy
	if y > cur {
		y -= 100
	}
	return y
}

// matchTime reads an optional time of day after a date ending at toks[i]:
// "T10:00:00Z", " 10:00", ", um 10:00 Uhr", " at 10:00 am EST",
// "10:00:00 +0100". It returns st with the time set and the index after it.
func matchTime(toks []token, i int, st stamp) (stamp, int) {
	j := i
	for k := 0; k < 3 && j < len(toks); k++ {
		t := toks[j]
		if t.kind == tPunct && (t.s == "," || t.s == "-" || t.s == "|" || t.s == "@" || t.s == "/" || t.s == "·" || t.s == "•" || t.s == "–") {
			j++
			continue
		}
		if t.kind == tWord && wordIs(t.s, "t", "um", "at", "a", "las", "alle", "om", "kl", "à", "às", "ab", "gegen") {
			j++
			continue
		}
		break
	}
	hh, ok := numAt(toks, j, 1, 2)
	if !ok || !punctAt(toks, j+1, ":") || toks[j+1].space {
		return st, i
	}
	mm, ok := numAt(toks, j+2, 2, 2)
	if !ok || toks[j+2].space {
		return st, i
	}
	j += 3
	ss := 0
	if punctAt(toks, j, ":") && !toks[j].space {
		if v, ok := numAt(toks, j+1, 2, 2); ok && !toks[j+1].space {
			ss = v
			j += 2
			// fractional seconds, sometimes written with a colon
			if (punctAt(toks, j, ".") || punctAt(toks, j, ":") || punctAt(toks, j, ",")) && !toks[j].space {
				if _, ok := numAt(toks, j+1, 1, 9); ok && !toks[j+1].space {
					j += 2
				}
			}
		}
	}
	if j < len(toks) && toks[j].kind == tWord {
		switch {
		case wordIs(toks[j].s, "pm", "p"):
			if hh < 12 {
				hh += 12
			}
			j = skipAMPM(toks, j)
		case wordIs(toks[j].s, "am", "a"):
			if hh == 12 {
				hh = 0
			}
			j = skipAMPM(toks, j)
		}
	}
	if hh > 23 || mm > 59 || ss > 60 {
		return st, i
	}
	st.hh, st.mm, st.ss, st.hasTime = hh, mm, ss, true
	if j < len(toks) && toks[j].kind == tWord && wordIs(toks[j].s, "uhr", "h") {
		j++
	}
	return matchZone(toks, j, st)
}

// skipAMPM steps over "pm", "p.m." or "a. m." starting at toks[j].
func skipAMPM(toks []token, j int) int {
	if len(toks[j].s) == 1 && punctAt(toks, j+1, ".") && j+2 < len(toks) && toks[j+2].kind == tWord && wordIs(toks[j+2].s, "m") {
		j += 3
		if punctAt(toks, j, ".") {
			j++
		}
		return j
	}
	if len(toks[j].s) == 1 {
		return j // a lone "a" or "p" is not a meridiem marker
	}
	j++
	return j
}

// matchZone reads an optional offset after a time: Z, +01:00, +0100, -05,
// UTC, GMT+1, CET.
func matchZone(toks []token, j int, st stamp) (stamp, int) {
	if j >= len(toks) {
		return st, j
	}
	t := toks[j]
	if t.kind == tWord {
		var buf [8]byte
		off, ok := zoneNames[string(fold(buf[:], t.s))]
		if !ok || (len(t.s) == 1 && t.space) {
			return st, j
		}
		st.hasZone, st.zoneMinutes = true, off
		j++
		if off == 0 && (punctAt(toks, j, "+") || punctAt(toks, j, "-")) && !toks[j].space {
			if st2, k, ok := numericZone(toks, j, st); ok {
				return st2, k
			}
		}
		return st, j
	}
	if st2, k, ok := numericZone(toks, j, st); ok {
		return st2, k
	}
	return st, j
}

// numericZone reads +01:00, +0100 or +01 at toks[j].
func numericZone(toks []token, j int, st stamp) (stamp, int, bool) {
	if !(punctAt(toks, j, "+") || punctAt(toks, j, "-") || punctAt(toks, j, "−")) {
		return st, j, false
	}
	sign := 1
	if toks[j].s != "+" {
		sign = -1
	}
	v, ok := numAt(toks, j+1, 1, 4)
	if !ok || toks[j+1].space {
		return st, j, false
	}
	h, m := v, 0
	k := j + 2
	switch toks[j+1].n {
	case 4:
		h, m = v/100, v%100
	case 3:
		return st, j, false
	default:
		if punctAt(toks, k, ":") {
			if mv, ok := numAt(toks, k+1, 2, 2); ok {
				m = mv
				k += 2
			}
		}
	}
	if h > 14 || m > 59 {
		return st, j, false
	}
	st.hasZone, st.zoneMinutes = true, sign*(h*60+m)
	return st, k, true
}
