package store

// Validation reads what a validation run checks and records runs.
type Validation interface{}
