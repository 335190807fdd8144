package data

import (
	"context"
	"encoding/binary"
	"io"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"github.com/dgraph-io/ristretto/v2/z"
	"google.golang.org/protobuf/proto"
)

// backupGoroutines is how many goroutines read the store for a backup: a
// desk PC has few cores, and the desk must stay quick while it runs.
const backupGoroutines = 2

// writeBackupStream writes the latest version of every live key in the
// format Badger's DB.Load reads (as DB.Backup does). DB.Backup also writes
// every older version Badger still keeps until compaction: a view that
// every command rewrites would be in the backup once per rewrite, making
// the file two or three times the store. A key that cannot be read fails
// the backup (Badger's stream would skip it).
func (s *Store) writeBackupStream(w io.Writer) error {
	stream := s.db.NewStream()
	stream.LogPrefix = "FloorDesk backup"
	stream.NumGo = backupGoroutines
	var mu sync.Mutex
	var failed error
	stream.KeyToList = func(key []byte, itr *badger.Iterator) (*pb.KVList, error) {
		list, err := stream.ToList(key, itr) // the latest version only
		if err != nil {
			mu.Lock()
			failed = err
			mu.Unlock()
		}
		return list, err
	}
	stream.Send = func(buf *z.Buffer) error {
		list, err := badger.BufferToKVList(buf)
		if err != nil {
			return err
		}
		kept := list.Kv[:0]
		for _, kv := range list.Kv {
			if !kv.StreamDone {
				kept = append(kept, kv)
			}
		}
		list.Kv = kept
		return writeKVList(w, list)
	}
	if err := stream.Orchestrate(context.Background()); err != nil {
		return err
	}
	mu.Lock()
	defer mu.Unlock()
	return failed
}

// writeKVList writes one record of a Badger backup stream: its length,
// little-endian, then the list.
func writeKVList(w io.Writer, list *pb.KVList) error {
	if err := binary.Write(w, binary.LittleEndian, uint64(proto.Size(list))); err != nil {
		return err
	}
	b, err := proto.Marshal(list)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
