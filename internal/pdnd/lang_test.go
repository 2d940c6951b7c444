package pdnd

import (
	"errors"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
)

// TestMessagesInItalian: a configuration error, a refusal and a key
// set's reason read in Italian where the CLI prints them.
func TestMessagesInItalian(t *testing.T) {
	it := i18n.NewPrinter(i18n.Italian).T
	_, err := New(Config{})
	if msg, hint := csi.LocalizeError(it, err); msg != "per la verifica dei voucher PDND manca il file dell'insieme di chiavi" || hint != "indicare --pdnd-jwks FILE" {
		t.Errorf("config error: %q, %q", msg, hint)
	}
	if msg, _ := csi.LocalizeError(it, errors.Unwrap(refuse(CheckExpiry))); msg != "il voucher PDND è scaduto o non ha exp" {
		t.Errorf("refusal: %q", msg)
	}
	err = badKeyFile("k.jwks", csi.Errorf(csi.EBADFILE, "is unusable: its key %s %v", "2", csi.Errorf(csi.EBADFILE, "holds a private key")))
	if msg, _ := csi.LocalizeError(it, err); msg != "l'insieme di chiavi PDND k.jwks non è utilizzabile: la sua chiave 2 contiene una chiave privata" {
		t.Errorf("key set: %q", msg)
	}
	if got := err.Error(); got != "the PDND key set k.jwks is unusable: its key 2 holds a private key" {
		t.Errorf("English text %q", got)
	}
}
