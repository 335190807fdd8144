package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"floordesk/data/deskkey"
	"floordesk/data/seal"
)

// deskPC is one PC's home folder, with no system key store (as a Linux
// without the Secret Service), for commands that keep the desk's key there.
type deskPC struct{ home string }

// run runs `floordesk args...` on the PC with stdin typed in, without
// FLOORDESK_KEY_FILE.
func (pc deskPC) run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	var env []string
	for _, kv := range withoutDisplay(os.Environ()) {
		if !strings.HasPrefix(kv, deskkey.KeyFileEnv+"=") && !strings.HasPrefix(kv, "DBUS_SESSION_BUS_ADDRESS=") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, childEnv+"=1", "HOME="+pc.home, "XDG_CONFIG_HOME="+pc.home, "AppData="+pc.home,
		"DBUS_SESSION_BUS_ADDRESS=unix:path="+filepath.Join(pc.home, "no-bus"))
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String(), home: pc.home}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("floordesk %q: %v", args, err)
	}
	return r
}

// A supervisor keeps the desk's key behind a passphrase: the command
// refuses one out of its limits or typed twice differently; afterwards no
// plain key is left on the PC, every command asks for the passphrase and
// refuses a wrong one, and a backup restores on the same PC with the
// passphrase, or elsewhere with the exported key.
func TestPassphraseKeepsTheKey(t *testing.T) {
	t.Parallel()
	pc := deskPC{home: t.TempDir()}
	dir := filepath.Join(pc.home, "FloorDesk")
	pc.run(t, "", "demo", "--data", dir, "--size", "50").wantCode(t, exitOK)
	keys := filepath.Join(pc.home, "FloorDesk-keys")
	if plain, _ := filepath.Glob(filepath.Join(keys, "*.key")); len(plain) != 1 {
		t.Fatalf("no system key store: want the key in one user key file, have %v", plain)
	}
	limits := map[string]string{"Min": "12", "Max": "128"}

	r := pc.run(t, "short\n", "passphrase", "--data", dir)
	r.wantCode(t, exitFailed)
	wantSaid(t, "stderr", r.stderr, "cli.passphrase_length", limits)
	r = pc.run(t, "夜班主管的口令 2026\n夜班主管的口令 2027\n", "passphrase", "--data", dir)
	r.wantCode(t, exitFailed)
	wantSaid(t, "stderr", r.stderr, "cli.passphrase_mismatch", nil)

	const pass = "夜班主管的口令 2026"
	r = pc.run(t, pass+"\n"+pass+"\n", "passphrase", "--data", dir)
	r.wantCode(t, exitOK)
	wantSaid(t, "stdout", r.stdout, "cli.passphrase_set", map[string]string{"Dir": dir})
	if plain, _ := filepath.Glob(filepath.Join(keys, "*.key")); len(plain) != 0 {
		t.Fatalf("a plain key is left on the PC: %v", plain)
	}

	file := filepath.Join(t.TempDir(), "desk.fdbackup")
	r = pc.run(t, "a wrong passphrase\nanother wrong one\nthird wrong one!\n", "backup", "--data", dir, file)
	r.wantCode(t, exitFailed)
	wantSaid(t, "stderr", r.stderr, "cli.passphrase_wrong", map[string]string{"Dir": dir})
	pc.run(t, pass+"\n", "backup", "--data", dir, file).wantCode(t, exitOK)

	restored := filepath.Join(pc.home, "restored")
	r = pc.run(t, pass+"\n", "restore", "--data", restored, file)
	r.wantCode(t, exitOK)
	if id, _ := deskkey.ReadID(restored); id == "" {
		t.Fatal("the restored folder does not name its key")
	}
	if plain, _ := filepath.Glob(filepath.Join(keys, "*.key")); len(plain) != 0 {
		t.Fatalf("the restore left the key in the clear: %v", plain)
	}
	r = pc.run(t, pass+"\n", "backup", "--data", restored, filepath.Join(t.TempDir(), "restored.fdbackup"))
	r.wantCode(t, exitOK)

	exported := filepath.Join(t.TempDir(), "safe.key")
	pc.run(t, pass+"\n", "export-key", "--data", dir, exported).wantCode(t, exitOK)
	other := deskPC{home: t.TempDir()}
	elsewhere := filepath.Join(other.home, "FloorDesk")
	r = other.run(t, "", "restore", "--data", elsewhere, file)
	r.wantCode(t, exitFailed)
	k, err := seal.ReadKeyFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	wantSaid(t, "stderr", r.stderr, "cli.restore_wrong_key", map[string]string{"File": file, "Dir": elsewhere, "Key": k.ID()})
	other.run(t, "", "restore", "--data", elsewhere, "--key-file", exported, file).wantCode(t, exitOK)
	other.run(t, "", "backup", "--data", elsewhere, filepath.Join(t.TempDir(), "again.fdbackup")).wantCode(t, exitOK)
}
