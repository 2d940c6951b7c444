package pdnd

import (
	"crypto/rsa"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"sync/atomic"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/csi-mb/csi/internal/csi"
)

// maxJWKSBytes bounds the key set file: PDND's set holds a handful of keys.
const maxJWKSBytes = 1 << 20

// minRSABits is the smallest RSA modulus accepted for a signing key.
const minRSABits = 2048

// keySet is an immutable set of RSA public keys by kid.
type keySet map[string]*rsa.PublicKey

// keyFile holds the current key set of a JWKS file; Reload swaps it
// atomically, so verifications running meanwhile use one set or the other.
type keyFile struct {
	path string
	keys atomic.Pointer[keySet]
}

// load reads the file and replaces the key set, or returns why the file is
// unusable and keeps the set it had.
func (f *keyFile) load() error {
	ks, err := readKeySet(f.path)
	if err != nil {
		return err
	}
	f.keys.Store(&ks)
	return nil
}

// lookup returns the key named kid in the current set.
func (f *keyFile) lookup(kid string) (*rsa.PublicKey, bool) {
	ks := f.keys.Load()
	if ks == nil {
		return nil, false
	}
	k, ok := (*ks)[kid]
	return k, ok
}

// ids returns the kids of the current set, sorted.
func (f *keyFile) ids() []string {
	ks := f.keys.Load()
	if ks == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(*ks))
}

// readKeySet reads a JWKS file and keeps its RSA signing keys.
func readKeySet(path string) (keySet, error) {
	data, err := readBounded(path)
	if err != nil {
		return nil, err
	}
	var raw struct {
		Keys []json.RawMessage `json:"keys"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, badKeyFile(path, csi.Errorf(csi.EBADFILE, "is not a JSON Web Key Set"))
	}
	ks := keySet{}
	for i, k := range raw.Keys {
		if err := ks.add(k); err != nil {
			return nil, badKeyFile(path, csi.Errorf(csi.EBADFILE, "is unusable: its key %s %v", strconv.Itoa(i+1), err))
		}
	}
	if len(ks) == 0 {
		return nil, badKeyFile(path, csi.Errorf(csi.EBADFILE, "holds no RSA signing key with a kid"))
	}
	return ks, nil
}

// add parses one JWK and keeps it if it is an RSA public signing key. Keys
// of a type go-jose does not know, EC keys and encryption keys are skipped,
// as RFC 7517 §5 asks; a private key, a key without kid, a short key or a
// repeated kid make the whole file unusable.
func (ks keySet) add(raw json.RawMessage) error {
	var k jose.JSONWebKey
	if err := k.UnmarshalJSON(raw); err != nil {
		if errors.Is(err, jose.ErrUnsupportedKeyType) {
			return nil
		}
		return csi.Errorf(csi.EBADFILE, "is not a valid JSON Web Key")
	}
	if !k.IsPublic() {
		return csi.Errorf(csi.EBADFILE, "holds a private key")
	}
	pub, ok := k.Key.(*rsa.PublicKey)
	if !ok || (k.Use != "" && k.Use != "sig") || (k.Algorithm != "" && k.Algorithm != string(jose.RS256)) {
		return nil
	}
	switch {
	case k.KeyID == "":
		return csi.Errorf(csi.EBADFILE, "has no kid")
	case pub.N.BitLen() < minRSABits:
		return csi.Errorf(csi.EBADFILE, "is shorter than %d bits", minRSABits)
	case ks[k.KeyID] != nil:
		return csi.Errorf(csi.EBADFILE, "repeats the kid of an earlier key")
	}
	ks[k.KeyID] = pub
	return nil
}

// readBounded reads at most maxJWKSBytes of path.
func readBounded(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "cannot read the PDND key set %s", path).
			WithHint("check the path given with --pdnd-jwks and its permissions")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxJWKSBytes+1))
	if err != nil {
		return nil, badKeyFile(path, csi.Errorf(csi.EBADFILE, "cannot be read"))
	}
	if len(data) > maxJWKSBytes {
		return nil, badKeyFile(path, csi.Errorf(csi.EBADFILE, "is larger than %d bytes", maxJWKSBytes))
	}
	return data, nil
}

// badKeyFile is the domain error of an unusable key set file.
func badKeyFile(path string, why *csi.Error) error {
	return csi.Errorf(csi.EBADFILE, "the PDND key set %s %v", path, why).
		WithHint("save PDND's published key set (JWKS, public keys only) to the file again")
}
