package soak

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"
)

var soakKills = flag.Int("soak.kills", 3, "times TestSoakKill kills the server process with SIGKILL while desks push")

// TestSoakKill: the server process is killed with SIGKILL (a power cut,
// the OOM killer) while desks push, and started again on the same folder,
// several times. Every event it acknowledged before a kill is still held,
// once; afterwards every desk holds the same events.
func TestSoakKill(t *testing.T) {
	dir := t.TempDir()
	codes := enrolmentCodes(t, dir, 3)
	child, err := startChild(dir, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { child.stop() }()
	addr := strings.TrimPrefix(child.url, "http://")
	var desks []*desk
	for i, code := range codes {
		desks = append(desks, newDesk(t, child.url, code, fmt.Sprintf("desk-%02d", i), deskOptions{}))
	}
	acked := map[string]string{}
	for kill := range *soakKills {
		ctx, stop := context.WithTimeout(t.Context(), time.Second)
		workAll(t, ctx, desks, maxEventsPerDesk, 5*time.Millisecond, uint64(kill))
		stop()
		for id, name := range ackedNow(t, desks) {
			acked[id] = name
		}
		if err := child.cmd.Process.Kill(); err != nil { // SIGKILL
			t.Fatal(err)
		}
		<-child.exited
		if child, err = startChild(dir, addr); err != nil {
			t.Fatalf("the server does not start again after kill %d: %v", kill+1, err)
		}
	}
	for _, d := range desks {
		d.client.SyncNow()
	}
	waitSynced(t, desks)
	if died := child.stop(); died {
		t.Errorf("the server died: %v: %.300s", child.err, child.stderr)
	}
	held := checkAcked(t, dir, acked)
	checkDesks(t, desks, held)
	t.Logf("%d kills: %d desks, %d events acknowledged before a kill, %d held", *soakKills, len(desks), len(acked), len(held))
}
