package sqlite

// bloom is a fixed-size Bloom filter over codici fiscali. The importer uses it
// to spot possible repeats of a CF within one file in constant memory: a
// miss is certain, a hit is checked against the rows already written.
type bloom struct {
	bits []uint64
	mask uint64 // bits in the filter - 1 (a power of two)
}

// maxBloomBits is 8 MiB of bits: at 3.5 million CFs the false-hit rate
// stays near 1e-4, and each false hit costs one indexed lookup.
const maxBloomBits = 1 << 26

// newBloom returns a filter for a file of size bytes: 16 bits per row of
// about 100 bytes (a false-hit rate near 1e-3 when full), at least 1 Mbit
// and at most maxBloomBits, so that a Comune's extract does not pay for a
// province's filter and memory stays bounded whatever the file size. An
// unknown size (0) gets the largest filter.
func newBloom(size int64) *bloom {
	bits := uint64(1 << 20)
	for bits < maxBloomBits && (size <= 0 || int64(bits) < size/100*16) {
		bits <<= 1
	}
	return &bloom{bits: make([]uint64, bits/64), mask: bits - 1}
}

// hashes returns two independent 64-bit hashes of key for double hashing.
func hashes(key *[16]byte) (uint64, uint64) {
	h1, h2 := uint64(14695981039346656037), uint64(0x9E3779B97F4A7C15)
	for _, c := range key {
		h1 = (h1 ^ uint64(c)) * 1099511628211
		h2 = (h2 ^ uint64(c)) * 0xff51afd7ed558ccd
		h2 ^= h2 >> 29
	}
	return h1, h2 | 1
}

const bloomK = 7

// testAndAdd adds key and reports whether it may have been added before.
func (b *bloom) testAndAdd(key *[16]byte) bool {
	h1, h2 := hashes(key)
	present := true
	for i := uint64(0); i < bloomK; i++ {
		bit := (h1 + i*h2) & b.mask
		w, m := bit/64, uint64(1)<<(bit%64)
		if b.bits[w]&m == 0 {
			present = false
			b.bits[w] |= m
		}
	}
	return present
}
