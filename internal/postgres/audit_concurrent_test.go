package postgres_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/postgres"
)

// twoServers opens two stores on one fresh database, as two csi serve
// would, and returns the services over each.
func twoServers(t *testing.T) (*app.Services, *app.Services) {
	t.Helper()
	url := pgtest.NewDatabase(t)
	ctx := context.Background()
	open := func(create bool) *app.Services {
		db, err := postgres.Open(ctx, url, create)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if create {
			if _, err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
		}
		return app.New(db)
	}
	return open(true), open(false)
}

func actorCtx(name string) context.Context {
	return csi.WithActor(context.Background(), csi.Actor{Name: name, Command: "test"})
}

// TestTwoServersChainOneLog appends from two pools at once (reads of
// personal data, Comune onboardings, tokens) while a third party keeps
// verifying: the chain has every entry once, without a gap or a fork, and
// each verification of the live log passes.
func TestTwoServersChainOneLog(t *testing.T) {
	a, b := twoServers(t)
	const writers, each = 6, 20
	comuni := []string{"108001", "108002", "108003", "108004", "108005", "108006", "108007", "108008", "108009", "108010", "108011", "108012"}
	var wg sync.WaitGroup
	errs := make(chan error, 2*writers*each+len(comuni)+100)
	for w := 0; w < 2*writers; w++ {
		svc := []*app.Services{a, b}[w%2]
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			ctx := actorCtx(fmt.Sprintf("writer%d", w))
			for i := 0; i < each; i++ {
				errs <- svc.RecordAccess(ctx, "comune 108033", fmt.Sprintf("residents read %d.%d", w, i))
			}
		}(w)
	}
	for i, c := range comuni {
		svc := []*app.Services{a, b}[i%2]
		wg.Add(1)
		go func(c string) {
			defer wg.Done()
			_, err := svc.OnboardComune(actorCtx("coordinator"), csi.OnboardInput{Comune: c, Anagrafe: csi.AnagrafeManual, Date: "2024-01-15"})
			errs <- err
		}(c)
	}
	stop := make(chan struct{})
	verified := make(chan int)
	go func() {
		n := 0
		for {
			select {
			case <-stop:
				verified <- n
				return
			default:
			}
			v, err := b.VerifyAudit(context.Background())
			if err != nil || !v.OK {
				errs <- fmt.Errorf("live verification: %+v %v", v, err)
			}
			n++
		}
	}()
	wg.Wait()
	close(stop)
	t.Logf("%d verifications while writing", <-verified)
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	v, err := a.VerifyAudit(context.Background())
	want := int64(2*writers*each + len(comuni))
	if err != nil || !v.OK || v.Entries != want {
		t.Fatalf("verify: %+v %v; want ok with %d entries", v, err, want)
	}
	onboarded, err := b.ListComuni(context.Background(), csi.ComuneFilter{Status: csi.StatusActive})
	if err != nil || len(onboarded) != len(comuni) {
		t.Fatalf("onboarded %d Comuni (%v), want %d", len(onboarded), err, len(comuni))
	}
}

// TestTwoServersOnboardOnce: the same Comune onboarded through both
// servers at once is onboarded once; the other call is a conflict.
func TestTwoServersOnboardOnce(t *testing.T) {
	a, b := twoServers(t)
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, svc := range []*app.Services{a, b} {
		wg.Add(1)
		go func(i int, svc *app.Services) {
			defer wg.Done()
			_, errs[i] = svc.OnboardComune(actorCtx("coordinator"), csi.OnboardInput{Comune: "Lissone", Anagrafe: csi.AnagrafeManual})
		}(i, svc)
	}
	wg.Wait()
	if (errs[0] == nil) == (errs[1] == nil) || csi.ErrorCode(errs[0])+csi.ErrorCode(errs[1]) != csi.ECONFLICT {
		t.Fatalf("errors %v and %v, want one success and one conflict", errs[0], errs[1])
	}
	d, err := a.FindComune(context.Background(), "lissone")
	if err != nil || len(d.History) != 1 {
		t.Fatalf("history %+v (%v), want one onboarding", d, err)
	}
}

// TestTokensAcrossServers: a token created through one server works on
// the other; revoked on the other, it stops working on the first.
func TestTokensAcrossServers(t *testing.T) {
	a, b := twoServers(t)
	ctx := actorCtx("coordinator")
	nt, err := a.CreateToken(ctx, csi.TokenInput{Name: "op-lissone", Role: csi.RoleOperator, Comune: "lissone"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.Authenticate(ctx, nt.Secret)
	if err != nil || p.Token != "op-lissone" || p.Comune != "108028" || p.Ambito == "" {
		t.Fatalf("on the other server: %+v %v", p, err)
	}
	if _, err := b.CreateToken(ctx, csi.TokenInput{Name: "op-lissone", Role: csi.RoleViewer}); csi.ErrorCode(err) != csi.ECONFLICT {
		t.Fatalf("same name on the other server: %v, want a conflict", err)
	}
	if _, err := b.RevokeToken(ctx, "op-lissone"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Authenticate(ctx, nt.Secret); csi.ErrorCode(err) != csi.EUNAUTHORIZED {
		t.Fatalf("revoked on the other server: %v, want unauthorized", err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		ts, err := a.ListTokens(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(ts) == 1 && ts[0].LastUsedAt != "" && ts[0].Status == csi.TokenRevoked {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("tokens %+v: want the last use recorded and the token revoked", ts)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
