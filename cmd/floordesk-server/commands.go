package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"floordesk/server"
	"floordesk/server/badgerstore"
	"floordesk/server/pgstore"
	"floordesk/version"
)

// errUsage marks a command-line mistake (exit code 2).
var errUsage = errors.New("usage")

func exitCode(err error) int {
	if errors.Is(err, errUsage) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

// run dispatches to a subcommand; serve is the default.
func run(ctx context.Context, args []string) error {
	cmd := "serve"
	if len(args) > 0 && (!strings.HasPrefix(args[0], "-") || strings.TrimLeft(args[0], "-") == "version") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return serve(ctx, args)
	case "enroll", "enrol":
		return enroll(ctx, args, os.Stdout)
	case "revoke":
		return revoke(ctx, args, os.Stdout)
	case "desks":
		return desks(ctx, args, os.Stdout)
	case "backup":
		return backup(ctx, args, os.Stdout)
	case "verify":
		return verify(ctx, args, os.Stdout)
	case "restore":
		return restore(ctx, args, os.Stdout)
	case "version", "--version", "-version":
		fmt.Println("floordesk-server", version.String())
		return nil
	}
	return fmt.Errorf("%w: unknown command %q (serve, enroll, revoke, desks, backup, restore, verify, version)", errUsage, cmd)
}

// storeFlags are the flags that choose the store.
type storeFlags struct {
	data     string
	postgres string
	keyFile  string
}

func (f *storeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.data, "data", "floordesk-server-data", "data folder of the embedded store")
	fs.StringVar(&f.postgres, "postgres", "", "PostgreSQL URL; keeps events there instead of in --data")
	fs.StringVar(&f.keyFile, "key-file", "", "the embedded store's key file, mode 0600 (default: $"+keyFileEnv+", else server.key in --data, made at first start)")
}

func (f *storeFlags) open(ctx context.Context, log *slog.Logger) (server.Store, error) {
	if f.postgres != "" {
		return pgstore.Open(ctx, f.postgres)
	}
	key, err := f.key(log)
	if err != nil {
		return nil, err
	}
	st, err := badgerstore.OpenWith(f.data, key, log)
	if errors.Is(err, server.ErrLocked) {
		return nil, fmt.Errorf("%w: a server is already running on this folder", err)
	}
	return st, err
}

func parse(fs *flag.FlagSet, args []string) error {
	fs.SetOutput(os.Stderr)
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	return nil
}

// withStore runs local on the store when this process can open it, and
// remote through the admin API when a running server holds the folder.
func withStore(ctx context.Context, sf storeFlags, local func(server.Store) error, remote func(*adminClient) error) error {
	st, err := sf.open(ctx, quietLogger())
	if errors.Is(err, server.ErrLocked) {
		c, err := dialAdmin(sf.data)
		if err != nil {
			return err
		}
		return remote(c)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	return local(st)
}

func enroll(ctx context.Context, args []string, out io.Writer) error {
	var sf storeFlags
	fs := flag.NewFlagSet("enroll", flag.ContinueOnError)
	sf.register(fs)
	property := fs.String("property", "", "property (hotel) the desk will belong to")
	group := fs.String("group", "", "instead of --property: a group supervisor's read-only grant of these properties, comma-separated (1 to 50)")
	valid := fs.Duration("valid", server.DefaultEnrolmentValidity, "how long the code can be used (at most 168h)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if (*property == "") == (*group == "") {
		return fmt.Errorf("%w: give --property, or --group for a group supervisor", errUsage)
	}
	if err := server.CheckEnrolmentValidity(*valid); err != nil {
		return fmt.Errorf("%w: --valid: %v", errUsage, err)
	}
	req := server.AdminEnrollRequest{Property: *property, Valid: valid.String()}
	if *group != "" {
		req = server.AdminEnrollRequest{Group: strings.Split(*group, ","), Valid: valid.String()}
	}
	code, err := createCode(ctx, sf, req, *valid)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s\n", code)
	what := fmt.Sprintf("property %q", *property)
	if *group != "" {
		what = fmt.Sprintf("a group supervisor reading %s", *group)
	}
	fmt.Fprintf(os.Stderr, "one-time enrolment code for %s, valid until %s\n", what, time.Now().Add(*valid).Format(time.DateTime))
	return nil
}

// createCode makes the enrolment code req asks for, in the store or
// through the running server's admin API.
func createCode(ctx context.Context, sf storeFlags, req server.AdminEnrollRequest, valid time.Duration) (string, error) {
	var code string
	err := withStore(ctx, sf, func(st server.Store) error {
		var err error
		if req.Group != nil {
			code, err = server.CreateGroupEnrolment(ctx, st, req.Group, time.Now(), valid)
		} else {
			code, err = server.CreateEnrolment(ctx, st, req.Property, time.Now(), valid)
		}
		return err
	}, func(c *adminClient) error {
		var res server.AdminEnrollResponse
		err := c.call(ctx, "POST", "/v1/admin/enroll", req, &res)
		code = res.Code
		return err
	})
	return code, err
}

func revoke(ctx context.Context, args []string, out io.Writer) error {
	var sf storeFlags
	fs := flag.NewFlagSet("revoke", flag.ContinueOnError)
	sf.register(fs)
	desk := fs.String("desk", "", "desk whose token to revoke")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *desk == "" {
		return fmt.Errorf("%w: --desk is required", errUsage)
	}
	err := withStore(ctx, sf, func(st server.Store) error {
		return st.Revoke(ctx, *desk, time.Now())
	}, func(c *adminClient) error {
		return c.call(ctx, "POST", "/v1/admin/revoke", server.AdminRevokeRequest{Desk: *desk}, nil)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "revoked %s\n", *desk)
	return nil
}

func desks(ctx context.Context, args []string, out io.Writer) error {
	var sf storeFlags
	fs := flag.NewFlagSet("desks", flag.ContinueOnError)
	sf.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	var list []server.Desk
	err := withStore(ctx, sf, func(st server.Store) error {
		var err error
		list, err = st.Desks(ctx)
		return err
	}, func(c *adminClient) error {
		var res server.AdminDesksResponse
		err := c.call(ctx, "GET", "/v1/admin/desks", nil, &res)
		for _, d := range res.Desks {
			list = append(list, deskFromAdmin(d))
		}
		return err
	})
	if err != nil {
		return err
	}
	return printDesks(out, list)
}

func deskFromAdmin(d server.AdminDesk) server.Desk {
	desk := server.Desk{ID: d.ID, Property: d.Property, Enrolled: d.Enrolled, Group: d.Group}
	if d.Revoked != nil {
		desk.Revoked = *d.Revoked
	}
	return desk
}

func printDesks(out io.Writer, list []server.Desk) error {
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DESK\tPROPERTY\tENROLLED\tREVOKED")
	for _, d := range list {
		revoked := "-"
		if !d.Revoked.IsZero() {
			revoked = d.Revoked.Local().Format(time.DateTime)
		}
		property := d.Property
		if d.IsGroup() {
			property = "group: " + strings.Join(d.Group, ",")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", d.ID, property, d.Enrolled.Local().Format(time.DateTime), revoked)
	}
	return tw.Flush()
}

func quietLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}
