package siuss

import (
	"fmt"
	"regexp"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// Tipo is the type of a flow, as it appears in the flow id.
type Tipo string

// The two flow types.
const (
	TipoPS    Tipo = "PS"
	TipoSINBA Tipo = "SINBA"
)

// MaxFlowIDLen is the XSD's limit on IdentificazioneFlusso@Nome.
const MaxFlowIDLen = 50

// MaxCounter is the largest 7-digit daily counter.
const MaxCounter = 9999999

var flowIDRe = regexp.MustCompile(`^([A-Z][0-9]{3})\.(PS|SINBA)\.([0-9]{8})\.([0-9]{7})$`)

// FlowID formats the id of a flow, {Belfiore}.{PS|SINBA}.{YYYYMMDD}.{counter
// on 7 digits}, e.g. F704.PS.20240630.0000001. The store allocates the daily
// counter (1–9999999) inside the export's transaction.
func FlowID(belfiore string, tipo Tipo, day time.Time, counter int) (string, error) {
	if !belfioreRe.MatchString(belfiore) {
		return "", csi.Errorf(csi.EINVALID, "flow id: %q is not a Belfiore code", belfiore).
			WithHint("the ente code is the Comune's 4-character Belfiore code, e.g. F704")
	}
	if tipo != TipoPS && tipo != TipoSINBA {
		return "", csi.Errorf(csi.EINVALID, "flow id: unknown flow type %q", tipo).
			WithHint("use PS or SINBA")
	}
	if counter < 1 || counter > MaxCounter {
		return "", csi.Errorf(csi.EINVALID, "flow id: counter %d is outside 1–%d", counter, MaxCounter).
			WithHint("a day holds at most %d flows per ente and type", MaxCounter)
	}
	return fmt.Sprintf("%s.%s.%s.%07d", belfiore, tipo, day.Format("20060102"), counter), nil
}

// FlowIDParts is a parsed flow id.
type FlowIDParts struct {
	Ente    string
	Tipo    Tipo
	Day     time.Time
	Counter int
}

// ParseFlowID reads a flow id made by FlowID.
func ParseFlowID(id string) (FlowIDParts, error) {
	m := flowIDRe.FindStringSubmatch(id)
	if m == nil {
		return FlowIDParts{}, csi.Errorf(csi.EINVALID, "%q is not a flow id", id).
			WithHint("flow ids look like F704.PS.20240630.0000001")
	}
	day, err := time.Parse("20060102", m[3])
	if err != nil {
		return FlowIDParts{}, csi.Errorf(csi.EINVALID, "flow id %q: bad date", id).
			WithHint("flow ids look like F704.PS.20240630.0000001")
	}
	var n int
	fmt.Sscanf(m[4], "%d", &n)
	return FlowIDParts{Ente: m[1], Tipo: Tipo(m[2]), Day: day, Counter: n}, nil
}
