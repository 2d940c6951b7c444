package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// errCancelled is what a request cancelled midway says: by the client
// going away, or by the server shutting down.
var errCancelled = csi.Errorf(csi.EUNAVAILABLE, "the request was cancelled before it finished; nothing was changed").
	WithHint("the server may be shutting down: run the command again when it is back")

// NDJSON is the content type of a streamed response: one JSON object per
// line, each with one key saying what it is.
const NDJSON = "application/x-ndjson"

// Event is one line of a streamed response. Exactly one field is set.
type Event struct {
	// Progress reports how far the server has read an import.
	Progress *ProgressEvent `json:"progress,omitempty"`
	// Rejects carries a piece of the rejected rows' CSV (the --rejects file).
	Rejects string `json:"rejects,omitempty"`
	// Finding is one validation finding.
	Finding json.RawMessage `json:"finding,omitempty"`
	// Result ends a successful stream.
	Result json.RawMessage `json:"result,omitempty"`
	// Error ends a failed stream.
	Error *Problem `json:"error,omitempty"`
	// Keepalive says the server is still working (nothing else to say yet),
	// so that the client and any proxy in between do not time out.
	Keepalive bool `json:"keepalive,omitempty"`
}

// ProgressEvent is how many bytes and rows an import has read.
type ProgressEvent struct {
	Bytes int64 `json:"bytes"`
	Rows  int   `json:"rows"`
}

// eventStream writes a streamed response. The status line is sent with the
// first event, so that an error found before anything was streamed still
// gets its proper HTTP status; after that, an error is the last event.
type eventStream struct {
	mu      sync.Mutex
	w       http.ResponseWriter
	rc      *http.ResponseController
	enc     *json.Encoder
	started bool
	err     error
	// rejects buffers CSV text until it is worth an event.
	rejects []byte
	last    time.Time // when the last event was sent
	ended   bool
	id      string
	// progressEvery is the shortest gap between two progress events.
	progressEvery time.Duration
}

// newEventStream starts the stream of the request id, its progress events
// progressEvery apart at least.
func newEventStream(w http.ResponseWriter, id string, progressEvery time.Duration) *eventStream {
	return &eventStream{w: w, rc: http.NewResponseController(w), id: id, progressEvery: progressEvery}
}

func (s *eventStream) send(e Event) {
	if s.err != nil {
		return
	}
	if !s.started {
		s.w.Header().Set("Content-Type", NDJSON)
		s.w.Header().Set("X-Content-Type-Options", "nosniff")
		s.w.WriteHeader(http.StatusOK)
		s.enc = json.NewEncoder(s.w)
		s.started = true
	}
	if s.err = s.enc.Encode(e); s.err == nil {
		s.err = s.rc.Flush()
	}
	s.last = time.Now()
}

// keepAlive sends a keepalive event whenever the stream has been silent
// for every; the function it returns stops it and waits until it has
// stopped, so that nothing writes after the handler returns.
func (s *eventStream) keepAlive(every time.Duration) (stop func()) {
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				s.mu.Lock()
				if time.Since(s.last) >= every && !s.ended {
					s.send(Event{Keepalive: true})
				}
				s.mu.Unlock()
			}
		}
	}()
	return func() { close(done); <-stopped }
}

// progress is the importer's progress callback: one event every
// progressEvery at most.
func (s *eventStream) progress(bytes int64, rows int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if time.Since(s.last) < s.progressEvery {
		return
	}
	s.flushRejects()
	s.send(Event{Progress: &ProgressEvent{Bytes: bytes, Rows: rows}})
}

// Write receives the rejected rows' CSV from the importer.
func (s *eventStream) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rejects = append(s.rejects, p...)
	if len(s.rejects) >= 32<<10 {
		s.flushRejects()
	}
	return len(p), s.err
}

func (s *eventStream) flushRejects() {
	if len(s.rejects) > 0 {
		s.send(Event{Rejects: string(s.rejects)})
		s.rejects = s.rejects[:0]
	}
}

// finish ends the stream with the result or the error. It returns the
// error when nothing was streamed yet, for the caller to send as a plain
// problem response.
func (s *eventStream) finish(ctx context.Context, result any, err error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ended = true
	if err != nil {
		if !s.started {
			return err
		}
		if ctx.Err() != nil {
			err = errCancelled
		}
		p := problemOf(0, s.id, err)
		s.send(Event{Error: &p})
		return nil
	}
	s.flushRejects()
	b, merr := json.Marshal(result)
	if merr != nil {
		return merr
	}
	s.send(Event{Result: b})
	return nil
}

// finding streams one validation finding.
func (s *eventStream) finding(v any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	s.send(Event{Finding: b})
	return s.err
}
