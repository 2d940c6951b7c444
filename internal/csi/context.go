package csi

import "context"

type actorKey struct{}

// Actor says who runs a command and which one, for the audit log.
type Actor struct {
	Name    string // --actor, CSI_ACTOR or the OS user
	Command string // e.g. "comuni onboard"
	// Client is what the client of an API request says about the person
	// and the command (e.g. `actor maria; command comuni list`): the audit
	// log keeps it in a marked note, never as the actor or the command.
	Client string
}

// WithActor returns a context carrying the actor.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor in ctx, or an "unknown" one.
func ActorFrom(ctx context.Context) Actor {
	if a, ok := ctx.Value(actorKey{}).(Actor); ok {
		return a
	}
	return Actor{Name: "unknown", Command: "unknown"}
}
