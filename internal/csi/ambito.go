package csi

import "context"

// Ambito is an Ambito territoriale with its current figures.
type Ambito struct {
	Nome              string `json:"nome"`
	Comuni            int    `json:"comuni"`
	Onboarded         int    `json:"onboarded"`
	AnagrafeAutomatic int    `json:"anagrafe_automatic"`
	Popolazione       int    `json:"popolazione"`
	Referente         string `json:"referente"`
	ReferenteEmail    string `json:"referente_email"`
}

// AmbitoDetail is an Ambito with its Comuni.
type AmbitoDetail struct {
	Ambito
	ComuniList []Comune `json:"comuni_list"`
}

// AmbitoService reads the Ambiti.
type AmbitoService interface {
	ListAmbiti(ctx context.Context) ([]Ambito, error)
	FindAmbito(ctx context.Context, ref string) (*AmbitoDetail, error)
}
