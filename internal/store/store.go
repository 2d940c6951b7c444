// Package store is the storage port of csi: the reads and writes an engine
// must do, in domain terms. Package app implements the services of package
// csi on top of it; packages sqlite and postgres are its adapters. The port
// is split by capability, one interface per file; Store is all of them.
//
// No port method shares its name with a method of csi.Services: an adapter
// is not a service, and the two must never be mistaken for each other.
package store

// Store is every capability an engine provides.
type Store interface {
	Admin
	Comuni
	Audit
	Registry
	Records
	Validation
	Indicators
	Siuss
	Monitoring
	SiussRegister
}
