package csi

import (
	"context"
	"net/mail"
	"strings"
)

// Referente is an Ambito's operational referent over a period.
type Referente struct {
	ID     int64  `json:"id"`
	Ambito string `json:"ambito"`
	Nome   string `json:"nome"`
	Email  string `json:"email"`
	Phone  string `json:"phone"`
	Comune string `json:"comune"`
	From   string `json:"from"`
	To     string `json:"to"`
}

// AssignInput is what assigning a referent needs.
type AssignInput struct {
	Ambito  string
	Nome    string
	Email   string
	Phone   string
	Comune  string
	From    string
	Replace bool
}

// ReferenteService manages the referents.
type ReferenteService interface {
	AssignReferente(ctx context.Context, in AssignInput) (*Referente, error)
	ListReferenti(ctx context.Context, history bool) ([]Referente, error)
	EndReferente(ctx context.Context, ambito, date string) (*Referente, error)
}

// Validate checks the referent's fields.
func (in AssignInput) Validate() error {
	if strings.TrimSpace(in.Nome) == "" {
		return Errorf(EINVALID, "--name is empty").WithHint("give the referent's full name")
	}
	if err := ValidateEmail(in.Email); err != nil {
		return err
	}
	if in.From != "" {
		if _, err := ParseDay("--from", in.From); err != nil {
			return err
		}
	}
	return nil
}

// ValidateEmail checks that s is a plain address like name@example.it.
func ValidateEmail(s string) error {
	a, err := mail.ParseAddress(s)
	bad := err != nil || a.Address != s || !strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".")
	if bad {
		return Errorf(EINVALID, "--email %q is not a valid email address", s).
			WithHint("write a plain address such as nome.cognome@comune.monza.it")
	}
	return nil
}
