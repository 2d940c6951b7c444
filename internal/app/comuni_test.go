package app_test

import (
	"context"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

func TestResolveComune(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		e := newEngine(t)
		s := e.svc
		tests := []struct{ ref, istat, code string }{
			{"108033", "108033", ""},
			{"monza", "108033", ""},
			{"MUGGIO", "108034", ""},
			{"muggiò", "108034", ""},
			{"bovisio masciago", "108010", ""},
			{"brianza", "", csi.EINVALID},
			{"Roma", "", csi.ENOTFOUND},
			{"999999", "", csi.ENOTFOUND},
		}
		for _, tt := range tests {
			c, err := s.FindComune(context.Background(), tt.ref)
			if tt.code != "" {
				if csi.ErrorCode(err) != tt.code {
					t.Errorf("%q: got %v, want code %s", tt.ref, err, tt.code)
				}
				continue
			}
			if err != nil || c.Istat != tt.istat {
				t.Errorf("%q: got %+v, %v; want %s", tt.ref, c, err, tt.istat)
			}
		}
	})
}
