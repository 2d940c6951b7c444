package app

import (
	"context"

	"github.com/csi-mb/csi/internal/siuss"
)

// SiussQuery selects the records a SIUSS check or export reads: the
// interventi (and SINBA records) of some Comuni in a period.
type SiussQuery struct {
	// Comuni are ISTAT codes (resolved from --ente or --ambito by the caller).
	Comuni []string
	// From and To (YYYY-MM-DD, inclusive) bound the period: a periodic
	// benefit is in it when its months overlap the period (an open end is
	// ongoing), a one-off benefit when its delivery date falls in it.
	From, To string
}

// SiussIntervento is one intervento as a PS-PSA-SINA flow carries it, with
// its beneficiary as the registry knows them on the benefit's date.
type SiussIntervento struct {
	// Comune is the ISTAT code of the cartella's Comune; Cartella its id.
	Comune, Cartella string
	// Prestazione holds the intervento's SIUSS fields; its ID is the
	// intervento's id. SINA is the person's latest assessment on or before
	// the benefit's start (or delivery) date, when there is one and the
	// person is in charge (PresaCarico 1: the only case the flow carries it).
	Prestazione siuss.Prestazione
	// Beneficiario comes from the registry version valid on the benefit's
	// date (its start, or its delivery for a one-off benefit).
	Beneficiario siuss.Beneficiario
	// InRegistry is false when the registry has no version of the person
	// valid on that date: Beneficiario then holds the codice fiscale only.
	InRegistry bool
	// Hash identifies the intervento's stored content, so that the register
	// can tell an intervento changed since it was sent.
	Hash uint64
}

// SiussSINBA is one child's SINBA record, keyed by its cartella.
type SiussSINBA struct {
	Comune, Cartella string
	// Record carries the pseudonym (siuss.PseudonimoSINBA of the Comune's
	// Belfiore code and the cartella id), never the codice fiscale.
	Record siuss.SINBA
	Hash   uint64
}

// siussSource is what the SIUSS check and export read from the store.
// *Services implements it (siuss_source.go); the export's tests may fake it.
type siussSource interface {
	// siussInterventi calls fn for each intervento of q, in (Comune,
	// intervento id) order.
	siussInterventi(ctx context.Context, q SiussQuery, fn func(SiussIntervento) error) error
	// siussSINBA calls fn for each SINBA record of q, in (Comune, cartella)
	// order.
	siussSINBA(ctx context.Context, q SiussQuery, fn func(SiussSINBA) error) error
	// siussEnte returns the sending ente of a Comune: its Belfiore code,
	// name and legal seat (the operator's codice fiscale is the caller's).
	siussEnte(ctx context.Context, istat string) (siuss.Ente, error)
}
