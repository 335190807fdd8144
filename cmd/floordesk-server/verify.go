package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"floordesk/server"
)

// errChainProblems is verify finding a chain not whole (exit code 1).
var errChainProblems = errors.New("the audit chain has problems")

// verify checks every desk's chain in the store and prints the report:
// exit code 0 when every chain is whole and every signature right, 1 when
// not (or the store could not be read), 2 for a usage mistake.
func verify(ctx context.Context, args []string, out io.Writer) error {
	var sf storeFlags
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	sf.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	var res server.AdminVerifyResponse
	err := withStore(ctx, sf, func(st server.Store) error {
		rep, err := server.Verify(ctx, st)
		res = server.AdminVerifyResponse{OK: rep.OK(), Problems: len(rep.Problems), Report: rep.String()}
		return err
	}, func(c *adminClient) error {
		return c.call(ctx, "POST", "/v1/admin/verify", struct{}{}, &res)
	})
	if err != nil {
		return err
	}
	fmt.Fprint(out, res.Report)
	if !res.OK {
		return fmt.Errorf("%w: %d found", errChainProblems, res.Problems)
	}
	return nil
}
