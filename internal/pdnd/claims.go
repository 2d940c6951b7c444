package pdnd

import (
	"context"
	"time"

	"github.com/go-jose/go-jose/v4/jwt"
)

// Claims are the verified claims of a voucher that a WaaS handler and the
// audit trail need. None of them is personal data: they identify PDND
// clients, purposes and e-services.
type Claims struct {
	ClientID     string    // the PDND client that asked for the voucher
	PurposeID    string    // the purpose (finalità) it was issued for
	JTI          string    // the voucher's unique id
	Issuer       string    // iss
	Subject      string    // sub
	Audience     []string  // aud
	ConsumerID   string    // consumerId: the fruitore (INPS)
	ProducerID   string    // producerId: the erogatore
	EServiceID   string    // eserviceId
	DescriptorID string    // descriptorId: the e-service version
	IssuedAt     time.Time // iat
	Expiry       time.Time // exp
}

// voucherClaims is the payload as PDND writes it.
type voucherClaims struct {
	jwt.Claims
	ClientID     string `json:"client_id"`
	PurposeID    string `json:"purposeId"`
	ConsumerID   string `json:"consumerId"`
	ProducerID   string `json:"producerId"`
	EServiceID   string `json:"eserviceId"`
	DescriptorID string `json:"descriptorId"`
}

// public returns the Claims of a verified payload.
func (c voucherClaims) public() Claims {
	return Claims{ClientID: c.ClientID, PurposeID: c.PurposeID, JTI: c.ID, Issuer: c.Issuer,
		Subject: c.Subject, Audience: []string(c.Audience), ConsumerID: c.ConsumerID,
		ProducerID: c.ProducerID, EServiceID: c.EServiceID, DescriptorID: c.DescriptorID,
		IssuedAt: c.IssuedAt.Time().UTC(), Expiry: c.Expiry.Time().UTC()}
}

// claimsKey is the context key of the verified claims.
type claimsKey struct{}

// WithClaims returns ctx carrying the verified claims c.
func WithClaims(ctx context.Context, c Claims) context.Context {
	return context.WithValue(ctx, claimsKey{}, c)
}

// ClaimsFrom returns the verified claims the Middleware put in ctx, and
// whether there were any.
func ClaimsFrom(ctx context.Context) (Claims, bool) {
	c, ok := ctx.Value(claimsKey{}).(Claims)
	return c, ok
}
