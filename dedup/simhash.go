package dedup

import (
	"hash/fnv"
	"strings"
)

// ShingleWords is the number of words in a shingle. Three-word shingles
// keep word order without making every small edit change most shingles.
const ShingleWords = 3

// MinShingles is the fewest shingles worth a SimHash: shorter texts (a
// caption, a teaser) collide too easily, so they get none.
const MinShingles = 16

// SimHash returns the 64-bit SimHash of text over word shingles, or 0 when
// the text is too short (see MinShingles).
//
// The method is Charikar's ("Similarity estimation techniques from
// rounding algorithms", STOC 2002): every shingle's 64-bit hash votes +1 or
// -1 on each bit, and the sign of the sum is the bit. Texts that share most
// shingles end up a few bits apart, as used for web pages by Manku, Jain and
// Das Sarma (WWW 2007).
func SimHash(text string) uint64 {
	words := Words(text)
	n := len(words) - ShingleWords + 1
	if n < MinShingles {
		return 0
	}
	var votes [64]int
	h := fnv.New64a()
	for i := 0; i < n; i++ {
		h.Reset()
		h.Write([]byte(strings.Join(words[i:i+ShingleWords], " ")))
		v := mix(h.Sum64())
		for b := 0; b < 64; b++ {
			if v&(1<<b) != 0 {
				votes[b]++
			} else {
				votes[b]--
			}
		}
	}
	var out uint64
	for b := 0; b < 64; b++ {
		if votes[b] > 0 {
			out |= 1 << b
		}
	}
	if out == 0 {
		out = 1 // 0 means "no SimHash"
	}
	return out
}

// mix spreads FNV's bits (whose high bits vary little for short inputs)
// with the splitmix64 finaliser (Steele, Lea and Flood, OOPSLA 2014).
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Bands splits a SimHash into four 16-bit bands. Two hashes at most 3 bits
// apart agree on at least one band (pigeonhole), so a store finds every
// near-duplicate candidate with four exact index lookups.
func Bands(h uint64) [4]int64 {
	return [4]int64{int64(h & 0xffff), int64(h >> 16 & 0xffff), int64(h >> 32 & 0xffff), int64(h >> 48 & 0xffff)}
}
