package app

import (
	"encoding/binary"
	"fmt"
	"time"

	"floordesk/data/wire"
)

// Reading views through an index, so a query's cost follows its answer,
// not the history: a room's loans, a week's loans, a desk's handovers.
// The views are decoded directly, not through the decoded-view cache (a
// long list would push out the views commands read every time).

// IndexedViews decodes the views filed under index name at key, in the
// index's order, keeping those keep accepts (nil keeps all).
func IndexedViews[T any](s *Service, name string, key []byte, keep func(*T) bool) ([]T, error) {
	var out []T
	err := s.store.IndexedAt(name, key, func(ref wire.EntityRef, b []byte) error {
		return decodeInto(&out, ref, b, keep)
	})
	return out, err
}

// RangeViews decodes the views filed under index name at a key k with
// from <= k < to (keys of from's width), in key order.
func RangeViews[T any](s *Service, name string, from, to []byte, keep func(*T) bool) ([]T, error) {
	var out []T
	err := s.store.IndexedRange(name, from, to, func(_ []byte, ref wire.EntityRef, b []byte) error {
		return decodeInto(&out, ref, b, keep)
	})
	return out, err
}

// ConflictViews decodes the views of kind with an open conflict, from the
// conflict index (a handful, however long the history).
func ConflictViews[T any](s *Service, kind string) ([]T, error) {
	var out []T
	err := s.store.Indexed(IndexConflicts, func(_ []byte, ref wire.EntityRef, b []byte) error {
		if ref.Kind != kind {
			return nil
		}
		return decodeInto(&out, ref, b, nil)
	})
	return out, err
}

func decodeInto[T any](out *[]T, ref wire.EntityRef, b []byte, keep func(*T) bool) error {
	v, err := listedView[T](ref, b)
	if err != nil {
		return fmt.Errorf("decode %s: %w", ref, err)
	}
	if keep == nil || keep(v) {
		*out = append(*out, *v)
	}
	return nil
}

// TimeKey is an index key that sorts as t does: its Unix milliseconds,
// big-endian, for RangeViews between two times. The zero time sorts
// first.
func TimeKey(t time.Time) []byte {
	if t.IsZero() {
		return make([]byte, 8)
	}
	return binary.BigEndian.AppendUint64(nil, uint64(max(t.UnixMilli(), 0)))
}

// TimeViews decodes the views filed under index name by TimeKey at a
// time in [from, to) (to's millisecond included, keep decides), in time
// order.
func TimeViews[T any](s *Service, name string, from, to time.Time, keep func(*T) bool) ([]T, error) {
	return RangeViews(s, name, TimeKey(from), TimeKey(to.Add(time.Millisecond)), keep)
}
