// Package dialect reads the CSV files that csi imports: it detects the
// encoding (line by line where a file mixes UTF-8 and Windows-1252),
// delimiter and line endings, binds the header to a schema's canonical
// columns, and streams rows with little allocation.
//
// It also holds the value helpers every importer shares (dates, amounts)
// and the writer for the --rejects file. The package does no I/O of its
// own beyond the readers and writers it is given.
package dialect
