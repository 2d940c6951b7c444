package store

// Registry stores registry (anagrafe) imports and reads residents.
type Registry interface{}
