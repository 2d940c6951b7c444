package httpapi

import (
	"errors"
	"net/http"
	"strconv"
	"sync"
	"syscall"

	"github.com/csi-mb/csi/internal/csi"
)

// Default bounds of the uploads spooled at once.
const (
	DefaultMaxUploads         = 4
	DefaultMaxUploadsPerToken = 2
)

// uploadSlots bounds the uploads being spooled or imported at once, per
// token and in all, so that one caller (or a few) cannot fill the spool
// folder and leave the others' imports without room.
type uploadSlots struct {
	mu              sync.Mutex
	total, perToken int
	inUse           int
	byToken         map[string]int
}

func newUploadSlots(total, perToken int) *uploadSlots {
	return &uploadSlots{total: total, perToken: perToken, byToken: map[string]int{}}
}

// take reserves a slot for token, or says why there is none.
func (u *uploadSlots) take(token string) error {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.byToken[token] >= u.perToken {
		return &statusError{status: http.StatusTooManyRequests, retryAfter: 30,
			err: csi.Errorf(csi.EUNAVAILABLE, "token %s already has %d upload(s) running, the most it may", token, u.perToken).
				WithHint("wait for the running import to end, then send the file again")}
	}
	if u.inUse >= u.total {
		return &statusError{status: http.StatusServiceUnavailable, retryAfter: 30,
			err: csi.Errorf(csi.EUNAVAILABLE, "the server is receiving %d uploads already, the most it takes at once", u.inUse).
				WithHint("send the file again in a minute")}
	}
	u.inUse++
	u.byToken[token]++
	return nil
}

// give frees the slot taken for token.
func (u *uploadSlots) give(token string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.inUse--
	if u.byToken[token]--; u.byToken[token] <= 0 {
		delete(u.byToken, token)
	}
}

// statusError is a domain error answered with a status of its own (429,
// 507) rather than its code's, and a Retry-After in seconds when set.
type statusError struct {
	status, retryAfter int
	err                *csi.Error
}

func (e *statusError) Error() string { return e.err.Error() }
func (e *statusError) Unwrap() error { return e.err }

// retryAfter is the Retry-After header of err, "" for none.
func retryAfter(err error) string {
	var se *statusError
	if errors.As(err, &se) && se.retryAfter > 0 {
		return strconv.Itoa(se.retryAfter)
	}
	return ""
}

// spoolWriteError explains a failure to write the spooled upload: a full
// disk (or quota) is said as such, anything else is the server's folder.
func spoolWriteError(err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return &statusError{status: http.StatusInsufficientStorage, retryAfter: 300,
			err: csi.Errorf(csi.EUNAVAILABLE, "the server's upload spool is full").
				WithHint("ask the server's administrator to free space in its temporary folder, then send the file again")}
	}
	return csi.Errorf(csi.EUNAVAILABLE, "the server cannot store the upload").
		WithHint("ask the administrator to check the server's temporary folder")
}
