package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
)

// UpdateComune changes a Comune's Ambito, registry mode, contact or status,
// recording each change in its history.
func (db *DB) UpdateComune(ctx context.Context, in csi.ComuneUpdate) (*csi.Comune, error) {
	if in.Date == "" {
		in.Date = db.today()
	} else if _, err := csi.ParseDay("--date", in.Date); err != nil {
		return nil, err
	}
	var out csi.Comune
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := db.applyDue(ctx, tx); err != nil {
			return err
		}
		c, err := db.comuneToday(ctx, tx, in.Comune)
		if err != nil {
			return err
		}
		column := c.Status
		changes, err := planUpdate(ctx, tx, &c, in)
		if err != nil {
			return err
		}
		if in.Status != nil && in.Date > db.today() {
			// A status change dated later is scheduled: the history keeps
			// it, the Comune keeps today's status until then.
			c.Scheduled = joinScheduled(c.Scheduled, c.Status+" from "+in.Date)
			c.Status = column
		}
		if len(changes) == 0 {
			return csi.Errorf(csi.EINVALID, "nothing to change for %s", c.Nome).
				WithHint("pass --ambito, --anagrafe, --contact or --status with a new value")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE comuni SET ambito = ?, anagrafe = ?, contact = ?, status = ? WHERE istat = ?`,
			c.Ambito, c.Anagrafe, c.Contact, c.Status, c.Istat); err != nil {
			return err
		}
		for _, ch := range changes {
			if err := db.addHistory(ctx, tx, c, in.Date, ch[0], ch[1]); err != nil {
				return err
			}
		}
		out = c
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// planUpdate applies in to c and returns the (event, detail) pairs to record.
func planUpdate(ctx context.Context, tx *sql.Tx, c *csi.Comune, in csi.ComuneUpdate) ([][2]string, error) {
	var changes [][2]string
	if in.Ambito != nil {
		a, err := resolveAmbito(ctx, tx, *in.Ambito)
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
	if c.Status != csi.StatusActive && c.Status != csi.StatusSuspended {
		return csi.Errorf(csi.ECONFLICT, "%s is not onboarded", c.Nome).
			WithHint("run 'csi comuni onboard %s' first", c.Istat)
	}
	return nil
}

// OffboardComune records that a Comune leaves the shared CSI on date: at
// once when the date is today or past, scheduled when it is later (the
// Comune stays a member until then).
func (db *DB) OffboardComune(ctx context.Context, ref, date string) (*csi.Comune, error) {
	if _, err := csi.ParseDay("--date", date); err != nil {
		return nil, err
	}
	var out csi.Comune
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := db.applyDue(ctx, tx); err != nil {
			return err
		}
		c, err := db.comuneToday(ctx, tx, ref)
		if err != nil {
			return err
		}
		c, err = csi.PlanOffboard(c, date, db.today())
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE comuni SET status = ?, offboarded_on = ? WHERE istat = ?`, c.Status, date, c.Istat); err != nil {
			return err
		}
		out = c
		return db.addHistory(ctx, tx, c, date, "offboarded", "left the shared CSI")
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}
