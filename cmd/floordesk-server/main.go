// Command floordesk-server is FloorDesk's central sync server.
//
//	floordesk-server [serve] --data DIR --listen 127.0.0.1:8420
//	floordesk-server enroll --data DIR --property NAME
//	floordesk-server revoke --data DIR --desk ID
//	floordesk-server desks  --data DIR
//	floordesk-server backup --data DIR FILE
//	floordesk-server restore --data DIR FILE
//	floordesk-server verify --data DIR
//	floordesk-server --version
//
// With --postgres URL the events live in PostgreSQL instead of DIR. While a
// server runs on DIR, the other commands reach it through its admin API.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	privateFiles()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:])
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "floordesk-server:", err)
		os.Exit(exitCode(err))
	}
}
