package data_test

import (
	"context"
	"testing"
	"time"

	"floordesk/data"
)

// TestSyncStartsWhenTheDeskIsEnrolledLater: a desk with no server set
// waits; once a supervisor saves the server and token, the client starts
// without a restart.
func TestSyncStartsWhenTheDeskIsEnrolledLater(t *testing.T) {
	st, err := data.Open(data.Options{Dir: t.TempDir(), Desk: "desk-a", Fold: data.TraceFold, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan *data.SyncClient, 1)
	done := make(chan error, 1)
	go func() {
		done <- data.RunSyncWhenConfigured(ctx, st, data.SyncConfig{}, func(c *data.SyncClient) { started <- c })
	}()
	select {
	case <-started:
		t.Fatal("sync started with no server set")
	case <-time.After(100 * time.Millisecond):
	}
	st.SetSetting(data.SettingServerURL, "http://127.0.0.1:1") // nothing listens: the client stays offline
	st.SetSetting(data.SettingDeskToken, "token")
	select {
	case c := <-started:
		if c == nil {
			t.Fatal("started with a nil client")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("sync did not start after the server was set")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("RunSyncWhenConfigured = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("sync did not stop when the app closed")
	}
}
