//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package safefile

import "os"

// renameWhileOpen: Windows cannot rename an open file, so Commit closes it
// first.
const renameWhileOpen = false

// lock does nothing: on Windows a file open in another process cannot be
// removed, which protects it from CleanStale as a lock would.
func lock(*os.File) error { return nil }

// removeIfStale removes path, which fails if another process has it open,
// and reports whether it did.
func removeIfStale(path string) bool { return os.Remove(path) == nil }

// syncDir does nothing: folders cannot be flushed there.
func syncDir(string) {}
