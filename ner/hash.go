package ner

// Features are 64-bit hashes: the model stores no feature strings, and
// the tagger builds no strings to look a feature up. The hashes are fixed
// (FNV-1a for strings, a SplitMix64 finaliser to combine) because a
// trained model stores them.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix combines a running hash with one more value.
func mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

func key1(t tmpl, a uint64) uint64    { return mix(mix(uint64(t), a), 1) }
func key2(t tmpl, a, b uint64) uint64 { return mix(mix(mix(uint64(t), a), b), 2) }
func key3(t tmpl, a, b, c uint64) uint64 {
	return mix(mix(mix(mix(uint64(t), a), b), c), 3)
}
