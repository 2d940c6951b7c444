package cli

import (
	"io"
	"os"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"golang.org/x/term"
)

// IOStreams carries every stream a command may touch, and what they are
// connected to. Nothing below Main writes to os.Stdout directly.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutTTY and ErrTTY say whether stdout and stderr are terminals.
	OutTTY, ErrTTY bool
	// InTTY says whether stdin is a terminal, where csi may ask to confirm.
	InTTY bool
	// Color is false with NO_COLOR, --no-color or when not on a terminal.
	Color bool
	// Width is the terminal's width in columns, which styled tables fit
	// (see SetTerminalWidth); 0 when unknown: no limit.
	Width int
}

// SystemIO returns the process's streams.
func SystemIO() *IOStreams {
	out, errOut := isTerminal(os.Stdout), isTerminal(os.Stderr)
	_, noColor := os.LookupEnv("NO_COLOR")
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, OutTTY: out, ErrTTY: errOut, InTTY: isTerminal(os.Stdin), Color: out && !noColor}
	if out {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			s.Width = w
		}
	}
	return s
}

// SetTerminalWidth makes styled tables fit n columns, as on a terminal
// that wide; with SetStdoutTTY it lets tests check the layouts at 80 and
// 120 columns. 0 removes the limit.
func (s *IOStreams) SetTerminalWidth(n int) { s.Width = n }

// SetStdoutTTY makes stdout behave as a terminal (styled tables, grouped
// numbers, bars) or as a pipe, whatever it is connected to: the forced-TTY
// switch through which tests compare both forms byte for byte. Colour
// stays as Color says.
func (s *IOStreams) SetStdoutTTY(tty bool) { s.OutTTY = tty }

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// renderer returns a lipgloss renderer bound to w that colours only when allowed.
func (s *IOStreams) renderer(w io.Writer) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(w)
	if !s.Color {
		r.SetColorProfile(termenv.Ascii)
	}
	return r
}
