package app

import (
	"encoding/csv"
	"io"
	"os"
	"slices"
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/safefile"
)

// rejectSpool collects the rejected rows of an import in a private temporary
// file, because repeats of a CF are only known at the end; finish writes
// them all to the --rejects file in line order. The file is kept in the
// store's scratch folder, never in a shared temporary folder, and without a name where the
// system allows it, so that a killed import leaves no copy of the rows.
type rejectSpool struct {
	file     *os.File
	unlinked bool
	w        *dialect.RejectWriter
	late     []lateReject
}

// lateReject is a reject found after the rows were streamed.
type lateReject struct {
	line                int
	column, reason, raw string
}

// newRejectSpool returns a spool in dir, or a no-op one when nothing is
// asked for.
func newRejectSpool(dir string, out io.Writer) (*rejectSpool, error) {
	if out == nil {
		return &rejectSpool{}, nil
	}
	f, unlinked, err := safefile.Scratch(dir, "rejects")
	if err != nil {
		return nil, csi.Errorf(csi.EUNAVAILABLE, "cannot create a temporary file for the rejected rows in %s", dir).
			WithHint("the store's folder must be writable")
	}
	return &rejectSpool{file: f, unlinked: unlinked, w: dialect.NewRejectWriter(f)}, nil
}

// write records a reject; rows streamed in order go straight to the spool.
func (s *rejectSpool) write(line int, column, reason, raw string) error {
	if s.w == nil {
		return nil
	}
	if s.late != nil {
		s.late = append(s.late, lateReject{line, column, reason, raw})
		return nil
	}
	return s.w.Write(line, column, reason, []byte(raw))
}

// markLate makes later writes go to the sorted tail (after streaming).
func (s *rejectSpool) markLate() {
	if s.late == nil {
		s.late = []lateReject{}
	}
}

// discard removes the spool; it is safe to call more than once.
func (s *rejectSpool) discard() {
	if s.file != nil {
		s.file.Close()
		if !s.unlinked {
			os.Remove(s.file.Name())
		}
		s.file = nil
	}
}

// finish merges the spool and the late rejects into out, in line order, and
// removes the spool.
func (s *rejectSpool) finish(out io.Writer) error {
	if s.file == nil {
		return nil
	}
	defer s.discard()
	if err := s.w.Flush(); err != nil {
		return err
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	slices.SortFunc(s.late, func(a, b lateReject) int { return a.line - b.line })
	r := csv.NewReader(s.file)
	r.FieldsPerRecord = 4
	if _, err := r.Read(); err != nil { // header
		return err
	}
	w := dialect.NewRejectWriter(out)
	late := s.late
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		line, _ := strconv.Atoi(rec[0])
		for len(late) > 0 && late[0].line < line {
			if err := w.Write(late[0].line, late[0].column, late[0].reason, []byte(late[0].raw)); err != nil {
				return err
			}
			late = late[1:]
		}
		if err := w.Write(line, rec[1], rec[2], []byte(rec[3])); err != nil {
			return err
		}
	}
	for _, l := range late {
		if err := w.Write(l.line, l.column, l.reason, []byte(l.raw)); err != nil {
			return err
		}
	}
	return w.Flush()
}
