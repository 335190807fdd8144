package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"floordesk/server"
	"floordesk/server/badgerstore"
)

// errPostgresBackup sends PostgreSQL users to their database's own tools.
var errPostgresBackup = errors.New("with --postgres, back up and restore the database with pg_dump and pg_restore, then run restore --postgres URL (see docs/SERVER.md)")

// backup writes a consistent backup of the embedded store to FILE, through
// the running server when there is one.
func backup(ctx context.Context, args []string, out io.Writer) error {
	var sf storeFlags
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	sf.register(fs)
	file, err := parseFile(fs, args)
	if err != nil {
		return err
	}
	if sf.postgres != "" {
		return errPostgresBackup
	}
	if !badgerstore.IsStore(sf.data) {
		return fmt.Errorf("backup: %s holds no server data: check --data", sf.data)
	}
	err = writeFileAtomic(file, func(w io.Writer) error {
		return withStore(ctx, sf, func(st server.Store) error {
			b, ok := st.(server.Backuper)
			if !ok {
				return errPostgresBackup
			}
			return b.Backup(w)
		}, func(c *adminClient) error {
			return c.backup(ctx, w)
		})
	})
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(out, "backed up %s to %s\n", sf.data, file)
	return nil
}

// restore loads a backup into an empty data folder, or, with --postgres,
// marks a database PostgreSQL's tools restored. Either way the store gets
// a new epoch, so desks push what they hold again and pull from the start,
// and every desk is revoked and every unused code void: a desk revoked or
// a code used after the backup was taken must not work again.
func restore(ctx context.Context, args []string, out io.Writer) error {
	var sf storeFlags
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	sf.register(fs)
	keyFile := fs.String("backup-key", "", "the key file the backup was sealed with (default: --key-file's)")
	fs.SetOutput(os.Stderr)
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if sf.postgres != "" {
		return restoredPostgres(ctx, fs, sf, out)
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: give the flags, then one backup file", errUsage)
	}
	file := fs.Arg(0)
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	key, err := restoreKey(sf, *keyFile, br)
	if err != nil {
		return err
	}
	if err := badgerstore.RestoreWith(sf.data, br, key, quietLogger()); err != nil {
		return err
	}
	if err := keepKey(sf.keyPath(), key, out); err != nil {
		return err
	}
	epoch, err := restoredEpoch(ctx, sf)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "restored %s into %s, new epoch %s\n%s", file, sf.data, epoch, afterRestore)
	return nil
}

// afterRestore tells the administrator what a restore leaves to do.
const afterRestore = `every desk is signed out: make a code for each (floordesk-server enroll) and enrol it again;
each desk then sends what it holds and receives what it lacks
`

// restoredPostgres marks a database restored with pg_restore.
func restoredPostgres(ctx context.Context, fs *flag.FlagSet, sf storeFlags, out io.Writer) error {
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: with --postgres, restore the database with pg_restore first, then run restore --postgres URL without a file", errUsage)
	}
	st, err := sf.open(ctx, quietLogger())
	if err != nil {
		return err
	}
	defer st.Close()
	epoch, err := st.Restored(ctx, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "marked the database restored, new epoch %s\n%s", epoch, afterRestore)
	return nil
}

func restoredEpoch(ctx context.Context, sf storeFlags) (string, error) {
	st, err := sf.open(ctx, quietLogger())
	if err != nil {
		return "", err
	}
	defer st.Close()
	return st.Epoch(ctx)
}

// parseFile parses flags followed by exactly one file argument.
func parseFile(fs *flag.FlagSet, args []string) (string, error) {
	fs.SetOutput(os.Stderr)
	if err := fs.Parse(args); err != nil {
		return "", fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() != 1 {
		return "", fmt.Errorf("%w: give the flags, then one backup file", errUsage)
	}
	return fs.Arg(0), nil
}
