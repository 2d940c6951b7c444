package app

import (
	"context"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// UpdateComune changes a Comune's Ambito, registry mode, contact or status,
// recording each change in its history. A status change dated after today
// is scheduled: the history keeps it, the Comune keeps today's status
// until then.
func (s *Services) UpdateComune(ctx context.Context, in csi.ComuneUpdate) (*csi.Comune, error) {
	if in.Date == "" {
		in.Date = s.today()
	} else if _, err := csi.ParseDay("--date", in.Date); err != nil {
		return nil, err
	}
	return s.changeComune(ctx, in.Comune, func(tx store.ComuniTx, st *store.ComuniState, c csi.Comune) (csi.Comune, error) {
		today := c.Status
		changes, err := planUpdate(st, &c, in)
		if err != nil {
			return c, err
		}
		if in.Status != nil && in.Date > s.today() {
			c.Scheduled = joinScheduled(c.Scheduled, c.Status+" from "+in.Date)
			c.Status = today
		}
		if len(changes) == 0 {
			return c, csi.Errorf(csi.EINVALID, "nothing to change for %s", c.Nome).
				WithHint("pass --ambito, --anagrafe, --contact or --status with a new value")
		}
		if err := tx.SaveComune(ctx, c); err != nil {
			return c, err
		}
		for _, ch := range changes {
			if err := s.addHistory(ctx, tx, c, in.Date, ch[0], ch[1]); err != nil {
				return c, err
			}
		}
		return c, nil
	})
}

// planUpdate applies in to c and returns the (event, detail) pairs to record.
func planUpdate(st *store.ComuniState, c *csi.Comune, in csi.ComuneUpdate) ([][2]string, error) {
	var changes [][2]string
	if in.Ambito != nil {
		a, err := csi.ResolveAmbito(st.Ambiti, *in.Ambito)
		if err != nil {
			return nil, err
		}
		if a != c.Ambito {
			changes = append(changes, [2]string{"ambito", fmt.Sprintf("%s -> %s", c.Ambito, a)})
			c.Ambito = a
		}
	}
	if in.Anagrafe != nil && *in.Anagrafe != c.Anagrafe {
		if err := csi.ValidateAnagrafe(*in.Anagrafe); err != nil {
			return nil, err
		}
		changes = append(changes, [2]string{"anagrafe", fmt.Sprintf("%s -> %s", orNone(c.Anagrafe), *in.Anagrafe)})
		c.Anagrafe = *in.Anagrafe
	}
	if in.Contact != nil && *in.Contact != c.Contact {
		changes = append(changes, [2]string{"contact", "contact changed"})
		c.Contact = *in.Contact
	}
	if in.Status != nil && *in.Status != c.Status {
		if err := checkStatusChange(*c, *in.Status); err != nil {
			return nil, err
		}
		changes = append(changes, [2]string{"status", fmt.Sprintf("%s -> %s", c.Status, *in.Status)})
		c.Status = *in.Status
	}
	return changes, nil
}

func joinScheduled(a, b string) string {
	if a == "" {
		return b
	}
	return a + ", " + b
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func checkStatusChange(c csi.Comune, to string) error {
	if to != csi.StatusActive && to != csi.StatusSuspended {
		return csi.Errorf(csi.EINVALID, "--status can be active or suspended, not %q", to).
			WithHint("use 'csi comuni onboard' to join and 'csi comuni offboard' to leave")
	}
	if !csi.IsMember(c.Status) {
		return csi.Errorf(csi.ECONFLICT, "%s is not onboarded", c.Nome).
			WithHint("run 'csi comuni onboard %s' first", c.Istat)
	}
	return nil
}
