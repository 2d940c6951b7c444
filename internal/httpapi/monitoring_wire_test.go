package httpapi

import (
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// monitoringCalls calls every method of the process registers, with filled inputs.
func monitoringCalls(c *Client) []func() error {
	ctx := ctxTester
	errOnly := func(_ any, err error) error { return err }
	return []func() error{
		func() error { return errOnly(c.AddEvento(ctx, filled[csi.EventoInput]())) },
		func() error { return errOnly(c.ImportEventi(ctx, filled[csi.ImportEventiInput]())) },
		func() error { return errOnly(c.ListEventi(ctx, filled[csi.EventoFilter]())) },
		func() error { return errOnly(c.FindEvento(ctx, 3)) },
		func() error { return errOnly(c.RemoveEvento(ctx, 3)) },
		func() error { return errOnly(c.ImportOperatori(ctx, filled[csi.ImportOperatoriInput]())) },
		func() error { return errOnly(c.ListOperatori(ctx, filled[csi.OperatoreFilter]())) },
		func() error { return errOnly(c.AddCanale(ctx, filled[csi.CanaleInput]())) },
		func() error { return errOnly(c.UpdateCanale(ctx, filled[csi.CanaleUpdate]())) },
		func() error { return errOnly(c.ListCanali(ctx, filled[csi.CanaleFilter]())) },
	}
}

// TestMonitoringWireRoundTrip: every filter field reaches the server.
func TestMonitoringWireRoundTrip(t *testing.T) {
	t.Parallel()
	roundTrip(t, "eventi list", eventiQuery, keep)
	roundTrip(t, "operatori list", operatoriQuery, keep)
	roundTrip(t, "canali list", canaliQuery, keep)
}
