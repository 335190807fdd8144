// Command pecheck checks that a Windows program made by `make dist` is
// what a hotel's PC will be shown: a valid 64-bit PE, a GUI program (no
// console window), with the FloorDesk icon, a version resource carrying
// this release, and a manifest that runs it without administrator
// rights. It reads the resources with debug/pe and the resource
// directory's documented layout; no Windows tools needed.
//
//	go run ./packaging/pecheck -version 1.2.0 -numeric 1.2.0.0 bin/dist/floordesk.exe
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	want := Want{}
	flag.StringVar(&want.Version, "version", "", "product version the resource must carry (scripts/version.sh)")
	flag.StringVar(&want.Numeric, "numeric", "", "file version a.b.c.d the resource must carry (scripts/version.sh numeric)")
	flag.BoolVar(&want.GUI, "gui", true, "the program must be a GUI program")
	flag.BoolVar(&want.Any32, "allow-386", false, "accept a 32-bit x86 program (an NSIS installer)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: pecheck [-version V] [-numeric A.B.C.D] [-gui=false] FILE.exe")
		os.Exit(64)
	}
	info, err := Check(flag.Arg(0), want)
	if err != nil {
		fmt.Fprintf(os.Stderr, "pecheck: %s: %v\n", flag.Arg(0), err)
		os.Exit(1)
	}
	fmt.Printf("pecheck: %s: ok: %s\n", flag.Arg(0), info)
}
