//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package safefile

import (
	"os"
	"syscall"
)

// renameWhileOpen: a file may be renamed while open, so Commit keeps its
// lock until the file is in place.
const renameWhileOpen = true

// lock takes the exclusive advisory lock of fh, waiting for a cleaner that
// holds it.
func lock(fh *os.File) error {
	for {
		err := syscall.Flock(int(fh.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			return err
		}
	}
}

// tryLock takes the exclusive advisory lock of fh if nobody holds it.
func tryLock(fh *os.File) bool {
	return syscall.Flock(int(fh.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}

// syncDir flushes a folder's entries, so that a rename survives a crash.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// removeIfStale removes path if no process holds its lock, and reports
// whether it did. Holding the lock while removing means that the owner, if
// it was about to lock a file it had just created, finds it gone and
// creates another one.
func removeIfStale(path string) bool {
	fh, err := os.Open(path)
	if err != nil {
		return false
	}
	defer fh.Close()
	return tryLock(fh) && stillNamed(fh) && os.Remove(path) == nil
}
