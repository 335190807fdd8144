package main

import (
	"fmt"
	"log/slog"
	"os"

	"floordesk/app"
	"floordesk/data"
	"floordesk/data/backupfmt"
)

// exitChainProblems is verify's exit code when a chain is not whole.
const exitChainProblems = 3

// verifyCommand checks every event in the data folder against its desk's
// chain (`floordesk verify --data DIR`): it prints a line per chain, each
// problem (for IT, in English) and a summary in the user's languages.
// Exit code 0: every chain whole; 3: problems found; 1: the folder could
// not be read.
func verifyCommand(args []string) int {
	fs, dir := newFlags("floordesk verify")
	if _, code, ok := parse(fs, args, 0); !ok {
		return code
	}
	if !backupfmt.IsStore(*dir) {
		say(os.Stderr, "cli.not_a_data_folder", map[string]string{"Dir": *dir})
		return exitFailed
	}
	key, err := folderKey(*dir, keyFileFlag(fs))
	if err != nil {
		return openFailed(*dir, err, "")
	}
	st, err := data.Open(data.Options{Dir: *dir, Fold: app.Fold, Index: app.Index, IndexVersion: app.IndexVersion, Key: key})
	if err != nil {
		return openFailed(*dir, err, "cli.verify_while_running")
	}
	defer st.Close()
	rep, err := st.Verify(nil)
	if err != nil {
		say(os.Stderr, "cli.verify_failed", map[string]string{"Dir": *dir})
		slog.Error("verify", "err", err)
		return exitFailed
	}
	fmt.Print(rep.String())
	names := map[string]any{"Events": rep.Events, "Chains": len(rep.Chains), "Problems": len(rep.Problems)}
	if !rep.OK() {
		say(os.Stdout, "cli.verify_problems", names)
		return exitChainProblems
	}
	say(os.Stdout, "cli.verify_ok", names)
	return exitOK
}
