// Package featkey hashes the features of the linear models in quote and
// pos to the 64-bit keys the models store: FNV-1a for a string, a
// SplitMix64-style finaliser to combine a template with its values. The
// functions are fixed: a trained model stores their values.
package featkey

// String is the FNV-1a hash of s.
func String(s string) uint64 {
	x := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= 1099511628211
	}
	return x
}

// Mix combines a running hash with one more value.
func Mix(a, b uint64) uint64 {
	x := (a ^ b) * 0x9E3779B97F4A7C15
	x ^= x >> 29
	x *= 0xBF58476D1CE4E5B9
	return x ^ x>>32
}

// Key1, Key2 and Key3 are the keys of template t with one, two or three
// values; the count is mixed in last, so that a template's keys of
// different lengths differ.
func Key1(t int, a uint64) uint64       { return Mix(Mix(uint64(t), a), 1) }
func Key2(t int, a, b uint64) uint64    { return Mix(Mix(Mix(uint64(t), a), b), 2) }
func Key3(t int, a, b, c uint64) uint64 { return Mix(Mix(Mix(Mix(uint64(t), a), b), c), 3) }
