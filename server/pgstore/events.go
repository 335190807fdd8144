package pgstore

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"floordesk/server"
)

// Append stores the new events of a batch in one transaction. The
// property's counter row stays locked until commit, so pushes to one
// property commit one after another, in sequence order.
func (s *Store) Append(ctx context.Context, property string, evs []server.Pushed) (server.AppendResult, error) {
	var res server.AppendResult
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		res, err = appendTx(ctx, tx, property, evs)
		return err
	})
	if err != nil {
		return server.AppendResult{}, fmt.Errorf("append: %w", err)
	}
	return res, nil
}

func appendTx(ctx context.Context, tx pgx.Tx, property string, evs []server.Pushed) (server.AppendResult, error) {
	var res server.AppendResult
	last, err := lockSeq(ctx, tx, property)
	if err != nil {
		return res, err
	}
	known, err := knownIDs(ctx, tx, evs)
	if err != nil {
		return res, err
	}
	var rows rowSet
	for _, p := range evs {
		if known[p.Event.ID] {
			res.Duplicates++
			continue
		}
		known[p.Event.ID] = true
		last++
		rows.add(last, p)
	}
	res.Stored, res.LastSeq = len(rows.seq), last
	if res.Stored == 0 {
		return res, nil
	}
	if err := rows.insert(ctx, tx, property); err != nil {
		return res, err
	}
	_, err = tx.Exec(ctx, `UPDATE fd_property_seq SET last_seq = $2 WHERE property = $1`, property, last)
	return res, err
}

// lockSeq locks the property's counter row, creating it when missing, and
// returns the last sequence given, in one round trip.
func lockSeq(ctx context.Context, tx pgx.Tx, property string) (uint64, error) {
	var last int64
	err := tx.QueryRow(ctx, `INSERT INTO fd_property_seq (property, last_seq) VALUES ($1, 0)
		ON CONFLICT (property) DO UPDATE SET last_seq = fd_property_seq.last_seq
		RETURNING last_seq`, property).Scan(&last)
	return uint64(last), err
}

func knownIDs(ctx context.Context, tx pgx.Tx, evs []server.Pushed) (map[string]bool, error) {
	ids := make([]string, len(evs))
	for i, p := range evs {
		ids[i] = p.Event.ID
	}
	rows, err := tx.Query(ctx, `SELECT id FROM fd_events WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	known := make(map[string]bool, len(evs))
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		known[id] = true
	}
	return known, rows.Err()
}

// rowSet gathers new events column by column for one INSERT ... unnest.
type rowSet struct {
	seq           []int64
	id, desk, typ []string
	data          [][]byte
}

func (r *rowSet) add(seq uint64, p server.Pushed) {
	r.seq = append(r.seq, int64(seq))
	r.id = append(r.id, p.Event.ID)
	r.desk = append(r.desk, p.Event.Desk)
	r.typ = append(r.typ, p.Event.Type)
	r.data = append(r.data, p.Raw)
}

func (r *rowSet) insert(ctx context.Context, tx pgx.Tx, property string) error {
	_, err := tx.Exec(ctx, `INSERT INTO fd_events (property, seq, id, desk, type, data)
		SELECT $1, u.seq, u.id, u.desk, u.type, u.data
		FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::bytea[]) AS u(seq, id, desk, type, data)`,
		property, r.seq, r.id, r.desk, r.typ, r.data)
	return err
}

// Since returns up to limit events of property after sequence after.
func (s *Store) Since(ctx context.Context, property string, after uint64, limit int) ([]server.Record, error) {
	rows, err := s.pool.Query(ctx, `SELECT seq, data FROM fd_events
		WHERE property = $1 AND seq > $2 ORDER BY seq LIMIT $3`, property, int64(after), limit)
	if err != nil {
		return nil, fmt.Errorf("since: %w", err)
	}
	recs := []server.Record{}
	for rows.Next() {
		var seq int64
		var raw []byte
		if err := rows.Scan(&seq, &raw); err != nil {
			return nil, fmt.Errorf("since: %w", err)
		}
		recs = append(recs, server.Record{Seq: uint64(seq), Raw: raw})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("since: %w", err)
	}
	return recs, nil
}

// LastSeq is property's latest sequence number.
func (s *Store) LastSeq(ctx context.Context, property string) (uint64, error) {
	var last int64
	err := s.pool.QueryRow(ctx, `SELECT coalesce(max(last_seq), 0) FROM fd_property_seq WHERE property = $1`, property).Scan(&last)
	if err != nil {
		return 0, fmt.Errorf("last seq: %w", err)
	}
	return uint64(last), nil
}
