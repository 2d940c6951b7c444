package synth

import "github.com/csi-mb/csi/internal/codicefiscale"

// cfBloom is a Bloom filter of codici fiscali: the region generator's
// cfRegistry. It never forgets a code it was given, so codes stay unique
// across the region, and it takes about 15 bits per code instead of a set's
// hundred bytes; a false "taken" (about 1 in 1,000) only gives that person
// an omocode variant.
type cfBloom struct {
	bits []uint64
	m    uint64 // number of bits
}

// bloomBitsPerCode and bloomHashes give a false-positive rate near 0.1%.
const (
	bloomBitsPerCode = 15
	bloomHashes      = 10
)

// newCFBloom returns a filter sized for n codes.
func newCFBloom(n int) *cfBloom {
	words := max(1, (n*bloomBitsPerCode+63)/64)
	return &cfBloom{bits: make([]uint64, words), m: uint64(words) * 64}
}

// add records cf and reports whether it was (probably) new.
func (b *cfBloom) add(cf string) bool {
	h1, h2 := cfHashes(cf)
	isNew := false
	for i := uint64(0); i < bloomHashes; i++ {
		bit := (h1 + i*h2) % b.m
		w, mask := bit/64, uint64(1)<<(bit%64)
		if b.bits[w]&mask == 0 {
			isNew = true
			b.bits[w] |= mask
		}
	}
	return isNew
}

// cfHashes returns two independent 64-bit hashes of cf (FNV-1a, then
// splitmix64), fixed so that the output does not vary between runs.
func cfHashes(cf string) (uint64, uint64) {
	h := uint64(14695981039346656037)
	for i := 0; i < len(cf) && i < codicefiscale.Length; i++ {
		h ^= uint64(cf[i])
		h *= 1099511628211
	}
	z := h + 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return h, (z ^ (z >> 31)) | 1
}
