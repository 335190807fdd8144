package data

import (
	"encoding/binary"

	"floordesk/data/wire"
)

// The store's key layout. One Badger database holds:
//
//	s<kind>\0<entity>\0<hlc:8><desk>\0<id>  -> encoded event (the entity's stream, in fold order)
//	e<id>                                   -> <logseq:8><stream key>   (the event index)
//	l<logseq:8>                             -> stream key               (arrival order)
//	o<logseq:8>                             -> stream key               (outbox)
//	a<logseq:8>                             -> set-aside record         (refused for good; setaside.go)
//	v<kind>\0<entity>                       -> folded view
//	m<name>                                 -> store metadata (desk, hlc, cursor, epoch)
//	c<name>                                 -> settings
//
// Keeping the whole event in the stream key's value makes a refold one
// prefix scan; the index and the logs point at the stream key.
const (
	pStream  = 's'
	pEvent   = 'e'
	pLog     = 'l'
	pOutbox  = 'o'
	pView    = 'v'
	pMeta    = 'm'
	pSetting = 'c'
)

func streamPrefix(ref wire.EntityRef) []byte {
	k := make([]byte, 0, 3+len(ref.Kind)+len(ref.ID))
	k = append(k, pStream)
	k = append(k, ref.Kind...)
	k = append(k, 0)
	k = append(k, ref.ID...)
	return append(k, 0)
}

func streamKey(ev wire.Event) []byte {
	k := streamPrefix(ev.Entity)
	k = binary.BigEndian.AppendUint64(k, uint64(ev.HLC))
	k = append(k, ev.Desk...)
	k = append(k, 0)
	return append(k, ev.ID...)
}

func eventKey(id string) []byte { return append([]byte{pEvent}, id...) }

func seqKey(prefix byte, seq uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte{prefix}, seq)
}

func viewPrefix(kind string) []byte {
	k := append([]byte{pView}, kind...)
	return append(k, 0)
}

func viewKey(ref wire.EntityRef) []byte { return append(viewPrefix(ref.Kind), ref.ID...) }

func metaKey(name string) []byte    { return append([]byte{pMeta}, name...) }
func settingKey(name string) []byte { return append([]byte{pSetting}, name...) }

// indexValue packs an event's log sequence and stream key.
func indexValue(seq uint64, sk []byte) []byte {
	return append(binary.BigEndian.AppendUint64(nil, seq), sk...)
}

func splitIndex(v []byte) (uint64, []byte) {
	return binary.BigEndian.Uint64(v[:8]), v[8:]
}

func uint64FromBytes(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

func encodeU64(n uint64) []byte { return binary.BigEndian.AppendUint64(nil, n) }
