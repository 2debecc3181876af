package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// datelineOf reads the wire-style dateline that opens a story,
// "ANCHORAGE, Alaska (AP) — ..." or "WASHINGTON: ...", and returns the
// place as printed. It returns "" when the paragraph has none.
func datelineOf(p string) string {
	end := -1
	for _, sep := range []string{" — ", " – ", " -- ", " - ", ": "} {
		if i := strings.Index(p, sep); i > 0 && i < 80 && (end < 0 || i < end) {
			end = i
		}
	}
	if end < 0 {
		return ""
	}
	head := strings.TrimSpace(p[:end])
	// Drop a credit in parentheses: "(AP)", "(Reuters)".
	if i := strings.Index(head, "("); i > 0 {
		head = strings.TrimSpace(head[:i])
	}
	head = strings.TrimRight(head, ",")
	if head == "" {
		return ""
	}
	// The first word must be in capitals (wire convention), at least two
	// letters long.
	first := strings.FieldsFunc(head, func(r rune) bool { return r == ',' || r == ' ' })[0]
	if utf8.RuneCountInString(first) < 2 {
		return ""
	}
	for _, r := range first {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return ""
		}
	}
	if strings.Count(head, " ") > 5 {
		return ""
	}
	return head
}
