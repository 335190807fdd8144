package messages

import (
	"time"

	"floordesk/app"
	appmessages "floordesk/app/messages"
)

// Service is what the messages screen needs of the desk: its register's
// commands and queries and the core's it reads beside them. main gives
// the register itself (it embeds the core service).
type Service interface {
	Take(actorID string, in appmessages.TakeInput) (appmessages.Message, error)
	Deliver(actorID, id string, how appmessages.How, note string) (appmessages.Message, error)
	Cancel(actorID, id, reason string) (appmessages.Message, error)
	Expire(actorID, id, reason string) (appmessages.Message, error)
	Message(id string) (appmessages.Message, error)
	Waiting() ([]appmessages.Message, error)
	MessagesForRoom(room string) ([]appmessages.Message, error)
	MessagesTaken(from, to time.Time) ([]appmessages.Message, error)
	Settings() (app.Hotel, error)
	StaffList(withDisabled bool) ([]app.Staff, error)
}

var _ Service = (*appmessages.MessageRegister)(nil)
