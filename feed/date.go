package feed

import (
	"strings"
	"time"
)

// dateLayouts are the forms dates take in feeds and sitemaps: RFC 822 and
// its variants (RSS), RFC 3339 and ISO 8601 fragments (Atom, JSON Feed,
// W3C Datetime in sitemaps), and the mistakes seen most in the wild.
// Weekday names are removed before matching; zone names are mapped first.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02",
	"2006-01",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 Z07:00",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04 MST",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04:05 MST",
	"2 Jan 06 15:04 -0700",
	"2 Jan 06 15:04 MST",
	"2 January 2006 15:04:05 -0700",
	"2 January 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006",
	"2 January 2006",
	"January 2, 2006 15:04:05 -0700",
	"January 2, 2006 15:04 MST",
	"January 2, 2006",
	"Jan 2, 2006 15:04:05 -0700",
	"Jan 2, 2006",
	"Jan 2 2006 15:04:05 -0700",
	"Jan 2 15:04:05 2006",
	"2006/01/02 15:04:05",
	"2006/01/02",
}

// zoneOffsets maps the zone abbreviations of RFC 822 and those US feeds
// use to numeric offsets; Go's parser would otherwise take an unknown
// abbreviation as UTC with a made-up name.
var zoneOffsets = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
	"BST": "+0100", "CET": "+0100", "CEST": "+0200", "IST": "+0530",
	"JST": "+0900", "AEST": "+1000", "AEDT": "+1100",
}

// parseDate reads a date in any of the forms feeds use; the zero time when
// none fits. A date without a zone is taken as UTC.
func parseDate(s string) time.Time {
	s = normalizeDate(s)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1970 || t.Year() > 2200 {
				return time.Time{}
			}
			return t
		}
	}
	return time.Time{}
}

// normalizeDate removes a leading weekday, commas after it, doubled
// blanks, and replaces a trailing zone name with its offset.
func normalizeDate(s string) string {
	fields := strings.Fields(strings.TrimSpace(s))
	if len(fields) == 0 {
		return ""
	}
	if w := strings.TrimRight(strings.ToLower(fields[0]), ",."); len(w) >= 3 && isWeekday(w) {
		fields = fields[1:]
	}
	if n := len(fields); n >= 3 {
		zone := strings.Trim(strings.ToUpper(fields[n-1]), "()")
		if off, ok := zoneOffsets[zone]; ok {
			fields[n-1] = off
		}
	}
	return strings.Join(fields, " ")
}

func isWeekday(w string) bool {
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if strings.HasPrefix(d, w) {
			return true
		}
	}
	return false
}
