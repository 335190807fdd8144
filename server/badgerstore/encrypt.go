package badgerstore

import (
	"fmt"

	"floordesk/data/diskspace"
	"floordesk/data/seal"
	"floordesk/data/sealdb"
	"floordesk/server"
)

// roomToEncrypt refuses to encrypt a plain folder on a disk without room
// for its encrypted copy beside the reserve: server.ErrDiskFull.
func roomToEncrypt(dir string, key seal.Key) error {
	if len(key) == 0 || !sealdb.IsPlain(dir) {
		return nil
	}
	need := sealdb.Size(dir) + DiskReserve
	if free, err := diskspace.Free(dir); err == nil && free < need {
		return fmt.Errorf("%w: %s free on the disk of %s, %s needed to encrypt the store",
			server.ErrDiskFull, diskspace.MB(free), dir, diskspace.MB(need))
	}
	return nil
}
