package sqlite

import "context"

// storeCheck is the quick_check of a registry import, run on a connection
// of its own while the import reads its file and writes its transaction.
//
// Before every other write the check runs first (checkBeforeWrite), but in
// a store that already holds the other Comuni it is one read of the whole
// file, and it was half of a small Comune's import. An import need not wait
// for it: in WAL mode nothing reaches the store file before the commit,
// and the import's transaction never commits (nor does a dry run report)
// until the check has passed. The check sees the store as it was when the
// import began, which is what must be sound.
type storeCheck struct {
	cancel context.CancelFunc
	done   chan struct{}
	err    error // set before done is closed
	// damaged says that err is the store's damage, not a failure to check.
	damaged bool
}

// startCheck starts the quick_check of the store unless this handle already
// passed it; nil means there is nothing to wait for. The write probe runs
// first, at once: a store that cannot be written fails before a row is read.
func (db *DB) startCheck(ctx context.Context) (*storeCheck, error) {
	if db.checked.Load() {
		return nil, nil
	}
	if err := db.probeWrite(ctx); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	c := &storeCheck{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(c.done)
		problems, err := db.IntegrityCheck(ctx, true)
		switch {
		case err != nil:
			c.err = err
		case len(problems) > 0:
			c.err, c.damaged = db.Damaged(problems), true
		default:
			db.checked.Store(true)
		}
	}()
	return c, nil
}

// wait returns the check's verdict once it is known.
func (c *storeCheck) wait() error {
	if c == nil {
		return nil
	}
	<-c.done
	return c.err
}

// stop cancels the check if it still runs, and waits for its end.
func (c *storeCheck) stop() {
	if c == nil {
		return
	}
	c.cancel()
	<-c.done
}

// verdict returns err, or the check's error when the import failed on a
// store the check found damaged: the damage is the cause worth naming.
func (w *writer) verdict(err error) error {
	if err == nil || w.check == nil {
		return err
	}
	if w.check.wait(); w.check.damaged {
		return w.check.err
	}
	return err
}
