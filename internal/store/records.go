package store

// Records stores records files (accessi, cartelle, interventi).
type Records interface{}
