package data

import "floordesk/data/wire"

// noteServerProtocol keeps the server's protocol level from its last
// answer, for the desk to say when it should be updated.
func (c *SyncClient) noteServerProtocol(level int) {
	c.update(func(s *SyncStatus) { s.ServerProtocol = level })
}

// UpdateAdvised reports whether the server speaks a newer protocol than
// this desk: the desk still works (a server serves desks one level behind
// it) but should be updated before the server's next step.
func (s SyncStatus) UpdateAdvised() bool { return s.ServerProtocol > wire.Protocol }
