package httpapi

import (
	"context"
	"log"
	"net"
	"net/http"
	"sync"
	"time"
)

// Default timeouts and caps of the HTTP server.
const (
	DefaultReadHeaderTimeout = 10 * time.Second
	DefaultReadTimeout       = time.Minute
	DefaultWriteTimeout      = 5 * time.Minute
	DefaultIdleTimeout       = 2 * time.Minute
	DefaultStreamTimeout     = 2 * time.Hour
	DefaultMaxConns          = 256
	DefaultKeepaliveEvery    = 15 * time.Second
	DefaultProgressEvery     = time.Second
)

func (c *Config) setTimeouts() {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&c.ReadHeaderTimeout, DefaultReadHeaderTimeout)
	def(&c.ReadTimeout, DefaultReadTimeout)
	def(&c.WriteTimeout, DefaultWriteTimeout)
	def(&c.IdleTimeout, DefaultIdleTimeout)
	def(&c.StreamTimeout, DefaultStreamTimeout)
	def(&c.KeepaliveEvery, DefaultKeepaliveEvery)
	def(&c.ProgressEvery, DefaultProgressEvery)
	if c.MaxConns <= 0 {
		c.MaxConns = DefaultMaxConns
	}
}

// HTTPServer returns the http.Server that serves the API with the
// configured timeouts. Requests' contexts derive from base; errLog (nil
// for the standard logger) receives the connection errors of net/http.
func (s *Server) HTTPServer(base context.Context, errLog *log.Logger) *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return base },
		ErrorLog:          errLog,
	}
}

// Listener caps ln at MaxConns open connections: past that, Accept waits
// until one closes, so that a flood of idle or slow connections cannot
// exhaust the server's file descriptors and memory.
func (s *Server) Listener(ln net.Listener) net.Listener {
	return &capListener{Listener: ln, slots: make(chan struct{}, s.cfg.MaxConns)}
}

// capListener is a listener with a semaphore of connections (as
// golang.org/x/net/netutil.LimitListener, which csi does not depend on).
type capListener struct {
	net.Listener
	slots chan struct{}
}

func (l *capListener) Accept() (net.Conn, error) {
	l.slots <- struct{}{}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &capConn{Conn: c, release: sync.OnceFunc(func() { <-l.slots })}, nil
}

// capConn frees its slot once, when closed.
type capConn struct {
	net.Conn
	release func()
}

func (c *capConn) Close() error {
	err := c.Conn.Close()
	c.release()
	return err
}
