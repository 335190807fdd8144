// Package sealdb opens a Badger folder encrypted with a data key (Badger's
// own AES encryption of its tables, value log and write-ahead log), and
// turns a folder an earlier build left plain into an encrypted one
// without losing a record. The desk's store and the server's embedded
// store both open through it.
//
// A plain folder is encrypted in steps, each of which a crash may
// interrupt, leaving a folder that opens:
//
//  1. the store is copied into DIR.sealing, encrypted, and both are read
//     through to check that they hold the same records;
//  2. the folder's other files are copied beside it, and DIR.sealing is
//     marked complete (the file SEALED-COMPLETE);
//  3. DIR is renamed DIR.plain, and DIR.sealing renamed DIR;
//  4. once the encrypted DIR opens, DIR.plain is removed (Done).
//
// Recover, at the next start, finishes or undoes what a crash left: an
// incomplete DIR.sealing is removed (the plain DIR is copied again), a
// complete one with no DIR is renamed DIR, and a DIR.plain with no DIR
// is put back.
package sealdb

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/dgraph-io/badger/v4"

	"floordesk/data/private"
	"floordesk/data/seal"
)

// The folders and the marker of an encryption under way.
const (
	sealingSuffix = ".sealing"
	plainSuffix   = ".plain"
	completeMark  = "SEALED-COMPLETE"
)

// Options is opts with the key set: Badger encrypts with it, and keeps
// decrypted blocks and table indexes in its caches, which it then needs
// (an index cache of at least 8 MB, a block cache of at least 16 MB).
func Options(opts badger.Options, key seal.Key) badger.Options {
	if len(key) == 0 {
		return opts
	}
	opts = opts.WithEncryptionKey(key)
	if opts.IndexCacheSize < 8<<20 {
		opts = opts.WithIndexCacheSize(8 << 20)
	}
	if opts.BlockCacheSize < 16<<20 {
		opts = opts.WithBlockCacheSize(16 << 20)
	}
	return opts
}

// Open opens the Badger folder opts.Dir encrypted with key, encrypting it
// first (Prepare) when an earlier build left it plain, and removing the
// plain copy once it opened (Done). A key that is not the folder's is
// an error wrapping seal.ErrWrongKey. An empty key opens the folder
// plain, as Badger would.
func Open(opts badger.Options, key seal.Key, log *slog.Logger) (*badger.DB, error) {
	if len(key) == 0 {
		return badger.Open(opts)
	}
	if err := Prepare(opts, key, log); err != nil {
		return nil, err
	}
	db, err := badger.Open(Options(opts, key))
	if err != nil {
		return nil, Translate(err, key)
	}
	Done(opts.Dir, log)
	return db, nil
}

// Translate turns Badger's refusal of a key into an error wrapping
// seal.ErrWrongKey that says what to do.
func Translate(err error, key seal.Key) error {
	if errors.Is(err, badger.ErrEncryptionKeyMismatch) {
		return fmt.Errorf("%w: the data folder was encrypted with another key than %s: give the key it was made with", seal.ErrWrongKey, key.ID())
	}
	return err
}

// Prepare readies dir for opening with key: it finishes or undoes an
// encryption a crash interrupted (Recover), then encrypts the folder when
// it holds a plain store (Encrypt).
func Prepare(opts badger.Options, key seal.Key, log *slog.Logger) error {
	if err := Recover(opts.Dir, log); err != nil {
		return err
	}
	if !IsPlain(opts.Dir) {
		return nil
	}
	return Encrypt(opts, key, log)
}

// IsPlain reports whether dir holds a Badger store that is not encrypted:
// its key registry starts with Badger's check text in the clear.
func IsPlain(dir string) bool {
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); err != nil {
		return false
	}
	f, err := os.Open(filepath.Join(dir, badger.KeyRegistryFileName))
	if err != nil {
		return errors.Is(err, fs.ErrNotExist)
	}
	defer f.Close()
	head := make([]byte, 16+len("Hello Badger"))
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return string(head[16:]) == "Hello Badger"
}

// Recover finishes or undoes an encryption of dir that a crash
// interrupted (see the package comment).
func Recover(dir string, log *slog.Logger) error {
	sealing, plain := dir+sealingSuffix, dir+plainSuffix
	_, markErr := os.Stat(filepath.Join(sealing, completeMark))
	switch {
	case markErr == nil && !exists(dir):
		log.Warn("finishing the data folder's encryption, which was interrupted", "dir", dir)
		if err := os.Rename(sealing, dir); err != nil {
			return fmt.Errorf("encrypt data folder: %w", err)
		}
	case exists(sealing):
		log.Warn("removing an unfinished encrypted copy of the data folder; it will be made again", "dir", sealing)
		if err := os.RemoveAll(sealing); err != nil {
			return fmt.Errorf("encrypt data folder: %w", err)
		}
	}
	if exists(plain) && !exists(dir) {
		log.Warn("putting the plain data folder back: its encryption did not finish", "dir", dir)
		if err := os.Rename(plain, dir); err != nil {
			return fmt.Errorf("encrypt data folder: %w", err)
		}
	}
	return nil
}

// Done removes the plain copy an encryption kept, once the encrypted
// folder opened, and the marker that came with it.
func Done(dir string, log *slog.Logger) {
	os.Remove(filepath.Join(dir, completeMark))
	plain := dir + plainSuffix
	if !exists(plain) {
		return
	}
	if err := os.RemoveAll(plain); err != nil {
		log.Error("the plain copy of the data folder could not be removed: remove it by hand, it holds guests' data unencrypted", "dir", plain, "err", err)
		return
	}
	log.Info("the data folder is encrypted; its plain copy was removed", "dir", dir)
}

// Encrypt copies the plain store in opts.Dir into a new encrypted folder,
// checks the copy holds the same records, and puts it in the place of the
// plain one, which it keeps as DIR.plain until Done. On any failure before
// the swap, the plain folder is left as it was and the copy removed.
func Encrypt(opts badger.Options, key seal.Key, log *slog.Logger) error {
	dir, sealing := opts.Dir, opts.Dir+sealingSuffix
	log.Info("encrypting the data folder", "dir", dir)
	if err := copyEncrypted(opts, key, sealing); err != nil {
		os.RemoveAll(sealing)
		return fmt.Errorf("encrypt data folder: %w", err)
	}
	if err := finishCopy(dir, sealing); err != nil {
		os.RemoveAll(sealing)
		return fmt.Errorf("encrypt data folder: %w", err)
	}
	if err := os.Rename(dir, dir+plainSuffix); err != nil {
		os.RemoveAll(sealing)
		return fmt.Errorf("encrypt data folder: %w", err)
	}
	if err := os.Rename(sealing, dir); err != nil {
		return fmt.Errorf("encrypt data folder: %w", err) // Recover puts it right at the next start
	}
	syncDir(filepath.Dir(dir))
	return nil
}

// copyEncrypted copies the store in opts.Dir into sealing, encrypted, and
// compares the two.
func copyEncrypted(opts badger.Options, key seal.Key, sealing string) error {
	if err := os.RemoveAll(sealing); err != nil {
		return err
	}
	if err := os.MkdirAll(sealing, 0o700); err != nil {
		return err
	}
	src, err := badger.Open(opts)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := badger.Open(Options(opts.WithDir(sealing).WithValueDir(sealing), key))
	if err != nil {
		return err
	}
	if err := stream(src, dst); err != nil {
		dst.Close()
		return err
	}
	if err := same(src, dst); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// stream copies src into dst, every live key's versions, through Badger's
// backup format.
func stream(src, dst *badger.DB) error {
	pr, pw := io.Pipe()
	go func() {
		_, err := src.Backup(pw, 0)
		pw.CloseWithError(err)
	}()
	err := dst.Load(pr, 256)
	pr.CloseWithError(io.ErrClosedPipe) // stops the writer if Load gave up
	return err
}

// same checks that a and b hold the same latest value of every key.
func same(a, b *badger.DB) error {
	na, sa, err := digest(a)
	if err != nil {
		return err
	}
	nb, sb, err := digest(b)
	if err != nil {
		return err
	}
	if na != nb || sa != sb {
		return fmt.Errorf("the encrypted copy holds %d records, the plain folder %d: nothing was changed", nb, na)
	}
	return nil
}

// digest counts the keys of db and hashes them with their values.
func digest(db *badger.DB) (int, [32]byte, error) {
	h := sha256.New()
	n := 0
	err := db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		var v []byte
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			var err error
			if v, err = item.ValueCopy(v[:0]); err != nil {
				return err
			}
			writeField(h, item.Key())
			writeField(h, v)
			n++
		}
		return nil
	})
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return n, sum, err
}

func writeField(w io.Writer, b []byte) {
	binary.Write(w, binary.BigEndian, uint32(len(b)))
	w.Write(b)
}

// finishCopy copies the folder's other files (not Badger's: the server's
// admin token, say) beside the encrypted store and marks it complete.
func finishCopy(dir, sealing string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if private.StoreFile(e.Name()) || e.Name() == completeMark {
			continue
		}
		if err := copyEntry(filepath.Join(dir, e.Name()), filepath.Join(sealing, e.Name()), e); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(sealing, completeMark), nil, 0o600); err != nil {
		return err
	}
	syncDir(sealing)
	return nil
}

func copyEntry(from, to string, e fs.DirEntry) error {
	switch {
	case e.IsDir():
		return os.CopyFS(to, os.DirFS(from))
	case !e.Type().IsRegular():
		return nil
	}
	info, err := e.Info()
	if err != nil {
		return err
	}
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, info.Mode().Perm())
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// syncDir makes renames in dir durable where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Size is the bytes of Badger's files in dir: about the room an
// encryption of it needs for its copy.
func Size(dir string) uint64 {
	entries, _ := os.ReadDir(dir)
	var n uint64
	for _, e := range entries {
		if info, err := e.Info(); err == nil && private.StoreFile(e.Name()) {
			n += uint64(info.Size())
		}
	}
	return n
}
