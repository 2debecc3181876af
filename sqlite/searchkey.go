package sqlite

import (
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// An article's search key is its rowid in search_fts (migration 0002):
// the publication day as the integer YYYYMMDD in the high bits and the
// article ID in the low 32, so that
//
//   - the article ID is read off the key, with no join;
//   - FTS5's native order, by rowid, is by publication day, newest last,
//     so the newest matches come first at no cost (see rankWindow);
//   - a date range is a rowid range, which FTS5 applies while it reads
//     its index instead of after.
//
// Undated articles have day 0 and sort before every dated one.
const (
	keyIDBits = 32
	keyIDMask = 1<<keyIDBits - 1
)

// searchKey returns the key of article id published on day (YYYY-MM-DD
// as returned by day, or "").
func searchKey(day string, id int64) (int64, error) {
	if id <= 0 || id > keyIDMask {
		return 0, fmt.Errorf("search key: article ID %d out of range", id)
	}
	return dayNumber(day)<<keyIDBits | id, nil
}

// keyArticle is the article ID of a search key.
func keyArticle(key int64) int64 { return key & keyIDMask }

// dayNumber is YYYYMMDD as an integer, 0 for "".
func dayNumber(day string) int64 {
	n, err := strconv.ParseInt(strings.ReplaceAll(day, "-", ""), 10, 64)
	if err != nil {
		return 0
	}
	return n
}

// keyRange returns the search keys of articles published from day from to
// day to (YYYY-MM-DD, inclusive, either may be empty). With neither it
// covers every key, undated articles included; with either, only dated
// ones, as the filter on articles.day did.
func keyRange(from, to string) (lo, hi int64) {
	lo, hi = 0, 1<<63-1
	if from != "" || to != "" {
		lo = 1 << keyIDBits
	}
	if from != "" {
		lo = max(lo, dayNumber(from)<<keyIDBits)
	}
	if to != "" {
		hi = dayNumber(to)<<keyIDBits | keyIDMask
	}
	return lo, hi
}

// Tags are the words of search_fts's tags column: one per filter value an
// article has. Each starts with tagMark, a private-use character that
// FTS5's tokenizer keeps inside a word and that no query can hold
// (ftsQuery keeps letters and digits only), so the words people search
// never match a tag and a search needs no column filter, which would cost
// FTS5 a pass over every match's positions (40% more time). Site and
// language are spelt in hex of their ASCII lower case, which is what
// `= ? COLLATE NOCASE` compared, and which stays one word whatever the
// value holds. Migration 0002 builds the same words in SQL.
const tagMark = "\ue000"

func siteTag(site string) string     { return tagMark + "s" + hexLower(site) }
func languageTag(lang string) string { return tagMark + "l" + hexLower(lang) }
func entityTag(id int64) string      { return tagMark + "e" + strconv.FormatInt(id, 10) }
func speakerTag(id int64) string     { return tagMark + "q" + strconv.FormatInt(id, 10) }

// hexLower is SQLite's hex(lower(s)): lower() folds ASCII letters only.
func hexLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return strings.ToUpper(hex.EncodeToString(b))
}

// eachEntityTag calls fn with the ID of every entity tag in tags. It
// reads the tags of a thousand facet rows per search, so it allocates
// nothing.
func eachEntityTag(tags string, fn func(id int64)) {
	const mark = tagMark + "e"
	for {
		i := strings.Index(tags, mark)
		if i < 0 {
			return
		}
		tags = tags[i+len(mark):]
		var id int64
		n := 0
		for ; n < len(tags) && '0' <= tags[n] && tags[n] <= '9'; n++ {
			id = id*10 + int64(tags[n]-'0')
		}
		if n > 0 && (n == len(tags) || tags[n] == ' ') {
			fn(id)
		}
		tags = tags[n:]
	}
}
