//go:build linux

package sqlite

import (
	"errors"
	"io/fs"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// statID returns the identity of the file at path (Exists false when there
// is none); ok is false when it cannot be known.
func statID(path string) (fileID, bool) {
	var st syscall.Stat_t
	if err := syscall.Stat(path, &st); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fileID{}, true
		}
		return fileID{}, false
	}
	return fileID{
		Exists: true,
		Dev:    st.Dev,
		Ino:    st.Ino,
		Size:   st.Size,
		Mtime:  st.Mtim.Nano(),
		Ctime:  st.Ctim.Nano(),
	}, true
}

// waitPast returns once the kernel's coarse clock, which stamps file
// changes, is past t (Unix ns): at most one clock tick, a few ms, and at
// most 50 ms whatever the clock does.
func waitPast(t int64) {
	deadline := time.Now().Add(50 * time.Millisecond)
	for time.Now().Before(deadline) {
		var ts unix.Timespec
		if unix.ClockGettime(unix.CLOCK_REALTIME_COARSE, &ts) != nil || ts.Nano() > t {
			return
		}
		time.Sleep(500 * time.Microsecond)
	}
}
