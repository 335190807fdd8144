//go:build !linux

package server_test

import "errors"

// raiseFileLimit is only implemented on Linux.
func raiseFileLimit(uint64) error {
	return errors.New("the many-desks benchmark raises the open-file limit on Linux only")
}
