// Package dedup recognises an article that comes again: under the same
// address (canonical URL normalisation), with the same content (a hash of
// the normalised words), or as a syndicated copy with small edits
// (SimHash over word shingles). It computes a dateline.Fingerprint; the
// store compares fingerprints when it saves.
package dedup

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"github.com/datelinehq/dateline"
)

// Fingerprint computes an article's identity keys, content hash and
// SimHash.
func Fingerprint(a *dateline.Article) dateline.Fingerprint {
	return dateline.Fingerprint{
		Keys:    Keys(a),
		Hash:    Hash(a.Title, a.Text),
		SimHash: SimHash(a.Text),
	}
}

// Keys lists the identities of an article, most specific first: the
// canonical URL, the URL it was read from, and only when it has neither,
// its source name (a file path), so a file read twice is one article.
func Keys(a *dateline.Article) []string {
	var keys []string
	add := func(k string) {
		if k == "" {
			return
		}
		for _, have := range keys {
			if have == k {
				return
			}
		}
		keys = append(keys, k)
	}
	add(URLKey(a.CanonicalURL))
	add(URLKey(a.URL))
	if len(keys) == 0 && a.Source != "" {
		add("source:" + a.Source)
	}
	return keys
}

// Hash returns a hex SHA-256 of the title and text reduced to lowercase
// words, so whitespace, punctuation and markup changes do not make new
// content.
func Hash(title, text string) string {
	h := sha256.New()
	for _, w := range Words(title) {
		h.Write([]byte(w))
		h.Write([]byte{' '})
	}
	h.Write([]byte{'\n'})
	for _, w := range Words(text) {
		h.Write([]byte(w))
		h.Write([]byte{' '})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Words splits text into lowercase runs of letters and digits.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}
