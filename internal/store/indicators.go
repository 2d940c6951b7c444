package store

// Indicators computes the rows of the indicators.
type Indicators interface{}
