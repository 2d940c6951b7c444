package csi

// Services is every service a command may call. The SQLite store implements
// it locally; the HTTP client implements it in --remote mode, so a command
// written against Services runs the same way in both.
type Services interface {
	ComuneService
	AmbitoService
	ReferenteService
	AnagrafeService
	RecordService
	AuditService
	ValidationService
	IndicatorService
	MonitoringService
}
