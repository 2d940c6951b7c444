package store

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
)

// Monitoring reads and writes the registers of the plan's process
// indicators: events, operator accounts and interoperability channels.
// The registers are small (hundreds of rows): package app filters and
// aggregates them; an engine stores and reads them whole.
type Monitoring interface {
	// LoadEventi returns every event ordered by date and id.
	LoadEventi(ctx context.Context) ([]csi.Evento, error)
	// LoadOperatori returns the current operator accounts ordered by
	// Comune and code, each with its Comune's current Ambito.
	LoadOperatori(ctx context.Context) ([]csi.Operatore, error)
	// LoadCanali returns every channel with its status history (in date
	// order), ordered by id.
	LoadCanali(ctx context.Context) ([]csi.Canale, error)
	// ChangeMonitoring runs fn in one write transaction, committed when fn
	// returns nil and rolled back otherwise.
	ChangeMonitoring(ctx context.Context, fn func(MonitoringTx) error) error
}

// MonitoringTx is what a change of the registers reads and writes inside
// its transaction.
type MonitoringTx interface {
	// ComuniState reads the Comuni and Ambiti, inside the transaction.
	ComuniState(ctx context.Context) (*ComuniState, error)
	// Eventi returns every event, as LoadEventi.
	Eventi(ctx context.Context) ([]csi.Evento, error)
	// InsertEvento stores e (its ID ignored) and returns its id.
	InsertEvento(ctx context.Context, e csi.Evento) (int64, error)
	// DeleteEvento removes event id.
	DeleteEvento(ctx context.Context, id int64) error
	// Operatori returns the current accounts, as LoadOperatori.
	Operatori(ctx context.Context) ([]csi.Operatore, error)
	// ReplaceOperatori removes the current accounts of the Comuni in
	// comuni (every Comune when nil), stores ops instead, and records each
	// one's last access day among the accesses kept for the indicators;
	// it returns how many of those accesses were new.
	ReplaceOperatori(ctx context.Context, comuni []string, ops []csi.Operatore) (int, error)
	// Canali returns every channel, as LoadCanali.
	Canali(ctx context.Context) ([]csi.Canale, error)
	// InsertCanale stores c with its first status (c.Storia[0]) and
	// returns its id.
	InsertCanale(ctx context.Context, c csi.Canale) (int64, error)
	// AddCanaleStato appends s to the history of channel id.
	AddCanaleStato(ctx context.Context, id int64, s csi.CanaleStato) error
	// SetCanaleNote replaces the notes of channel id.
	SetCanaleNote(ctx context.Context, id int64, note string) error
	// AppendAudit chains an entry for the actor in ctx (csi.NewAuditEntry).
	AppendAudit(ctx context.Context, target, summary string) error
}

// MonitoringReader reads the registers inside an indicator snapshot.
type MonitoringReader interface {
	// IndicatorEventi returns every event, as LoadEventi.
	IndicatorEventi(ctx context.Context) ([]csi.Evento, error)
	// IndicatorCanali returns every channel, as LoadCanali.
	IndicatorCanali(ctx context.Context) ([]csi.Canale, error)
	// OperatoriAccessi returns the accesses recorded from operator lists
	// with a day between from and to, one per operator and Comune (the
	// Ambito left empty), ordered by Comune and code; and whether any
	// operator list was ever imported.
	OperatoriAccessi(ctx context.Context, from, to string) ([]csi.Operatore, bool, error)
}
