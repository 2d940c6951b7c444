package store

// Admin opens, migrates, checks and backs up the store.
type Admin interface{}
