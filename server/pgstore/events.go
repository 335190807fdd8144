package pgstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"floordesk/server"
)

// addSeqSQL creates the property's counter row when missing; lockSeqSQL
// then locks it and returns the last sequence given. The lock is held until
// the push commits, so pushes to one property commit one after another, in
// sequence order. (Locking with SELECT … FOR UPDATE writes nothing, unlike
// an upsert.)
const (
	addSeqSQL  = `INSERT INTO fd_property_seq (property, last_seq) VALUES ($1, 0) ON CONFLICT (property) DO NOTHING`
	lockSeqSQL = `SELECT last_seq FROM fd_property_seq WHERE property = $1 FOR UPDATE`
)

// insertSQL (insertBodySQL and its answer) stores the events of a batch
// the store does not hold yet (the first of repeats inside the batch),
// numbered after the property's counter in batch order, moves the counter
// and returns how many it stored. When the store holds one of the batch's
// IDs with other bytes (but for the IDs in $7, already found to hold the
// same event), it stores nothing and returns those IDs, for Append to
// compare them as events. The known IDs are looked up once through the
// index (an anti-join would let a generic plan scan the whole table). It
// runs after lockSeqSQL, as its own statement, so that (under READ
// COMMITTED) its snapshot sees every push committed before the lock was
// granted. It also returns the property's pending erasures of the batch's
// IDs (server.AppendResult.Pending): an AddPendingErasure takes the same
// lock (pending.go), so it either committed before this snapshot, which
// then sees it, or waits for this push to commit and its erasure's second
// look finds the event. The events' bytes come as one value, $8, cut at
// the starts and sizes in $5 and $6 (see columns).
const insertBodySQL = `WITH input AS (
	SELECT u.id, u.desk, u.type, substring($8::bytea FROM u.start FOR u.size) AS data, u.ord
	FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[]) WITH ORDINALITY AS u(id, desk, type, start, size, ord)
), differ AS (
	SELECT e.id FROM fd_events e JOIN input i ON i.id = e.id
	WHERE e.id = ANY($2) AND e.data <> i.data AND e.id <> ALL ($7::text[])
), fresh AS (
	SELECT DISTINCT ON (i.id) i.id, i.desk, i.type, i.data, i.ord FROM input i
	WHERE i.id <> ALL (ARRAY(SELECT e.id FROM fd_events e WHERE e.id = ANY($2)))
	AND NOT EXISTS (SELECT 1 FROM differ)
	ORDER BY i.id, i.ord
), base AS (
	SELECT last_seq FROM fd_property_seq WHERE property = $1
), ins AS (
	INSERT INTO fd_events (property, seq, id, desk, type, data)
	SELECT $1, base.last_seq + row_number() OVER (ORDER BY f.ord), f.id, f.desk, f.type, f.data
	FROM fresh f, base
	RETURNING seq
), moved AS (
	UPDATE fd_property_seq SET last_seq = (SELECT max(seq) FROM ins)
	WHERE property = $1 AND EXISTS (SELECT 1 FROM ins)
), pending AS (
	SELECT n, target, erasure FROM fd_pending_erasures WHERE property = $1 AND target = ANY($2)
)`

// insertAnswerSQL is the answer of insertSQL and insertNotifySQL, after
// the count they notified.
const insertAnswerSQL = `, ARRAY(SELECT target FROM pending ORDER BY n), ARRAY(SELECT erasure FROM pending ORDER BY n)`

const (
	insertSQL = insertBodySQL + `
SELECT (SELECT count(*) FROM ins), ARRAY(SELECT id FROM differ), 0` + insertAnswerSQL
	// insertNotifySQL also notifies every server LISTENing on
	// eventsChannel, on commit, when the batch stored any event; $9 is the
	// payload (see eventsPayload). Its answer reads the notifying CTE,
	// which a query runs only when it reads it.
	insertNotifySQL = insertBodySQL + `, notified AS (
	SELECT pg_notify('` + eventsChannel + `', $9) FROM (SELECT 1 FROM ins LIMIT 1) stored
)
SELECT (SELECT count(*) FROM ins), ARRAY(SELECT id FROM differ), (SELECT count(*) FROM notified)` + insertAnswerSQL
)

// Append stores the new events of a batch in one round trip: the three
// statements go as one pipelined batch, which PostgreSQL runs as one
// implicit transaction, committed (durably) at its end. A unique violation
// from the same event pushed to two properties at once rolls the whole
// batch back and it runs again.
func (s *Store) Append(ctx context.Context, property string, evs []server.Pushed) (server.AppendResult, error) {
	if err := server.CheckRepeats(evs); err != nil {
		return server.AppendResult{}, err
	}
	var res server.AppendResult
	same := []string{}
	err := retry(ctx, func() error {
		for range maxCompares {
			var differ []string
			var err error
			res, differ, err = s.appendBatch(ctx, property, evs, same)
			if err != nil || len(differ) == 0 {
				return err
			}
			if err := s.compare(ctx, evs, differ); err != nil {
				return err
			}
			same = append(same, differ...)
		}
		return errors.New("events kept changing under the push")
	})
	var conflict *server.ConflictError
	if errors.As(err, &conflict) {
		return server.AppendResult{}, conflict
	}
	if err != nil {
		return server.AppendResult{}, fmt.Errorf("append: %w", err)
	}
	if res.Duplicates > 0 {
		first := res.LastSeq - uint64(res.Stored)
		if res.DuplicateAt, err = s.duplicatesAt(ctx, property, evs, first, res.LastSeq); err != nil {
			return server.AppendResult{}, err
		}
	}
	return res, nil
}

// maxCompares bounds the rounds of Append that find stored events with
// other bytes: each round's are compared and, when the same events, let
// through in the next.
const maxCompares = 3

// compare reads the stored events with the IDs in differ and compares
// each with the pushed one: a *server.ConflictError for the first that is
// another event.
func (s *Store) compare(ctx context.Context, evs []server.Pushed, differ []string) error {
	pushed := make(map[string][]byte, len(evs))
	for _, p := range evs {
		pushed[p.Event.ID] = p.Raw
	}
	rows, err := s.pool.Query(ctx, `SELECT id, data FROM fd_events WHERE id = ANY($1)`, differ)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var raw []byte
		if err := rows.Scan(&id, &raw); err != nil {
			return err
		}
		if !server.SameEvent(raw, pushed[id]) {
			return &server.ConflictError{ID: id}
		}
	}
	return rows.Err()
}

func (s *Store) appendBatch(ctx context.Context, property string, evs []server.Pushed, same []string) (server.AppendResult, []string, error) {
	cols := newColumns(evs)
	b := &pgx.Batch{}
	b.Queue(addSeqSQL, property)
	b.Queue(lockSeqSQL, property)
	if s.listener != nil {
		b.Queue(insertNotifySQL, property, cols.id, cols.desk, cols.typ, cols.start, cols.size, same, cols.data, s.eventsPayload(property))
	} else {
		b.Queue(insertSQL, property, cols.id, cols.desk, cols.typ, cols.start, cols.size, same, cols.data)
	}
	br := s.pool.SendBatch(ctx, b)
	var last, stored, notified int64
	var differ, targets, erasures []string
	if _, err := br.Exec(); err != nil {
		br.Close()
		return server.AppendResult{}, nil, err
	}
	if err := br.QueryRow().Scan(&last); err != nil {
		br.Close()
		return server.AppendResult{}, nil, err
	}
	if err := br.QueryRow().Scan(&stored, &differ, &notified, &targets, &erasures); err != nil {
		br.Close()
		return server.AppendResult{}, nil, err
	}
	if err := br.Close(); err != nil {
		return server.AppendResult{}, nil, err
	}
	return server.AppendResult{
		Stored:     int(stored),
		Duplicates: len(evs) - int(stored),
		LastSeq:    uint64(last + stored),
		Pending:    pendingOf(targets, erasures),
	}, differ, nil
}

// duplicatesAt lists the indexes of a batch's events that an append
// skipped as duplicates, given the sequences after first up to last it
// stored: those stored before (or for another property), and the repeats
// of an ID inside the batch. Asked only when an append skipped some
// (Duplicates > 0), after it: a stored event never moves. (Inside the
// append, a join of the batch with the events it stored cost PostgreSQL
// a nested loop, quadratic in the batch, on every push.)
func (s *Store) duplicatesAt(ctx context.Context, property string, evs []server.Pushed, first, last uint64) ([]int, error) {
	ids := make([]string, len(evs))
	for i, p := range evs {
		ids[i] = p.Event.ID
	}
	rows, err := s.pool.Query(ctx, `SELECT id FROM fd_events WHERE id = ANY($1) AND property = $2 AND seq > $3 AND seq <= $4`,
		ids, property, int64(first), int64(last))
	if err != nil {
		return nil, fmt.Errorf("duplicates: %w", err)
	}
	storedNow, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("duplicates: %w", err)
	}
	fresh := make(map[string]bool, len(storedNow))
	for _, id := range storedNow {
		fresh[id] = true
	}
	var out []int
	for i, id := range ids {
		if fresh[id] {
			delete(fresh, id) // its first place in the batch; a repeat is a duplicate
			continue
		}
		out = append(out, i)
	}
	return out, nil
}

// pendingOf pairs the pending erasures' targets and erasures; nil when
// there are none.
func pendingOf(targets, erasures []string) []server.PendingErasure {
	if len(targets) == 0 {
		return nil
	}
	out := make([]server.PendingErasure, len(targets))
	for i := range targets {
		out[i] = server.PendingErasure{Target: targets[i], Erasure: erasures[i]}
	}
	return out
}

// columns holds a batch column by column, for unnest. The events' bytes
// are one value, data, with each event's start (from 1, as substring
// counts) and size: pgx encodes a bytea[] into a buffer it grows from 256
// bytes by doubling, and copies again into a message buffer it grows
// likewise; one bytea takes one growth each, and those buffers of a few
// hundred kilobytes per append were a good part of the server's garbage.
// The events are the batch's last parameter but the notify payload, so
// that no later one grows the buffers holding them.
type columns struct {
	id, desk, typ []string
	start, size   []int32
	data          []byte
}

func newColumns(evs []server.Pushed) columns {
	n := 0
	for _, p := range evs {
		n += len(p.Raw)
	}
	c := columns{
		id:    make([]string, len(evs)),
		desk:  make([]string, len(evs)),
		typ:   make([]string, len(evs)),
		start: make([]int32, len(evs)),
		size:  make([]int32, len(evs)),
		data:  make([]byte, 0, n),
	}
	for i, p := range evs {
		c.id[i], c.desk[i], c.typ[i] = p.Event.ID, p.Event.Desk, p.Event.Type
		c.start[i], c.size[i] = int32(len(c.data)+1), int32(len(p.Raw))
		c.data = append(c.data, p.Raw...)
	}
	return c
}

// sinceSQL reads a page of events, keeping each whose predecessors in the
// page total at most $4 bytes: up to the one that takes the total over.
// The running total reads only the values' lengths, so an event left out
// is never sent nor detoasted.
const sinceSQL = `SELECT seq, data FROM (
	SELECT seq, data, sum(octet_length(data)) OVER (ORDER BY seq) - octet_length(data) AS before
	FROM (SELECT seq, data FROM fd_events WHERE property = $1 AND seq > $2 ORDER BY seq LIMIT $3) page
) sized WHERE before <= $4 ORDER BY seq`

// Since returns up to limit events of property after sequence after,
// stopping after the one that takes their size over maxBytes.
func (s *Store) Since(ctx context.Context, property string, after uint64, limit, maxBytes int) ([]server.Record, error) {
	rows, err := s.pool.Query(ctx, sinceSQL, property, int64(after), limit, int64(maxBytes))
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
