package store

// Comuni reads and writes Comuni, Ambiti, referents and tokens.
type Comuni interface{}
