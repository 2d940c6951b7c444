package store

// Audit appends to and reads the hash-chained audit log.
type Audit interface{}
