// Package httpapi is the remote API of csi (spec §10): a server that exposes
// the csi services over HTTP/JSON under /api/v1, and a client that
// implements the same service interfaces over HTTP, so that every command
// runs unchanged in --remote mode.
//
// Every route is declared once, in the table returned by Server.Routes: the
// mux, the OpenAPI document and the authorization matrix are built from it.
// Errors travel as RFC 9457 problem documents carrying the domain error
// code, which the client turns back into the same csi.Error.
package httpapi
