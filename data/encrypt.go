package data

import (
	"floordesk/data/diskspace"
	"floordesk/data/seal"
	"floordesk/data/sealdb"
)

// prepareKey readies the folder for opening with opts.Key: it finishes or
// undoes an encryption a crash interrupted, and encrypts a folder an
// earlier build left plain (sealdb.Prepare). The encryption writes a copy
// of the store, so on a disk without room for it the plain folder is
// opened as it is (read-only, as any folder on a full disk) and
// encrypted at a later start: opts.Key is then cleared.
func prepareKey(opts *Options) error {
	if len(opts.Key) == 0 {
		return nil
	}
	if err := sealdb.Recover(opts.Dir, opts.Logger); err != nil {
		return err
	}
	if !sealdb.IsPlain(opts.Dir) {
		return nil
	}
	if free, err := diskspace.Free(opts.Dir); err == nil && free < sealdb.Size(opts.Dir)+DiskReserve {
		opts.Logger.Warn("the data folder is not encrypted yet: its disk has no room to encrypt it; it will be at a start with room", "dir", opts.Dir)
		opts.Key = nil
		return nil
	}
	return sealdb.Encrypt(badgerOptions(opts.Dir, opts.Logger), opts.Key, opts.Logger)
}

// FolderKey is the key the store's folder is encrypted with (nil: a
// plain folder): a group desk encrypts its properties' copies with it.
func (s *Store) FolderKey() seal.Key { return s.opts.Key }
