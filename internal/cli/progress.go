package cli

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// progress reports a long job's advance on stderr: a redrawn bar on a
// terminal, a plain line every few seconds otherwise, nothing with
// --progress none or --quiet.
type progress struct {
	f     *Factory
	total int64
	start time.Time
	last  time.Time
	mode  string
	mu    sync.Mutex
	drawn bool
	every time.Duration
	noun  string
}

// newProgress returns a reporter for a job of total bytes, or nil when no
// progress should be shown.
func (f *Factory) newProgress(total int64, noun string) *progress {
	mode := f.Progress
	if f.Quiet {
		mode = "none"
	}
	if mode == "auto" {
		mode = "plain"
		if f.IO.ErrTTY {
			mode = "bar"
		}
	}
	if mode == "none" {
		return nil
	}
	every := 5 * time.Second
	if mode == "bar" {
		every = 100 * time.Millisecond
	}
	now := time.Now()
	return &progress{f: f, total: total, start: now, last: now, mode: mode, every: every, noun: noun}
}

// update is called by the importer with the bytes read and rows seen.
func (p *progress) update(done int64, rows int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.last) < p.every {
		return
	}
	p.last = now
	elapsed := now.Sub(p.start).Seconds()
	rate := float64(rows) / max(elapsed, 0.001)
	frac := 0.0
	if p.total > 0 {
		frac = min(float64(done)/float64(p.total), 1)
	}
	eta := "?"
	if frac > 0 {
		eta = (time.Duration(elapsed/frac*(1-frac)) * time.Second).Round(time.Second).String()
	}
	// Before any row is counted (a remote upload, or the fingerprint pass)
	// the bytes are what moves.
	count := p.f.Lang.Int(int64(rows)) + " " + p.noun
	speed := p.f.Lang.Int(int64(rate)) + " " + p.noun + "/s"
	if rows == 0 && done > 0 {
		const mb = 1 << 20
		count = p.f.T("%s of %s MB", p.f.Lang.Decimal(float64(done)/mb, 1), p.f.Lang.Decimal(float64(p.total)/mb, 1))
		speed = p.f.Lang.Decimal(float64(done)/mb/max(elapsed, 0.001), 1) + " MB/s"
	}
	if p.mode == "plain" {
		fmt.Fprintln(p.f.IO.ErrOut, p.f.T("csi: %s read (%s%%), %s, about %s left", count, p.f.Lang.Decimal(frac*100, 0), speed, eta))
		return
	}
	const width = 30
	fill := int(frac * width)
	bar := strings.Repeat("█", fill) + strings.Repeat("░", width-fill)
	fmt.Fprintf(p.f.IO.ErrOut, "\r%s %3.0f%%  %s  %s  ETA %s   ", bar, frac*100, count, speed, eta)
	p.drawn = true
}

// done clears the bar line.
func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.f.IO.ErrOut, "\r\033[K")
		p.drawn = false
	}
}

func (p *progress) callback() func(int64, int) {
	if p == nil {
		return nil
	}
	return p.update
}
