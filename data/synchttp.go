package data

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"floordesk/data/wire"
)

const (
	// maxAnswerRead is the largest answer the desk reads (as sent, and
	// ungzipped): the server's cap on a pull answer (wire.MaxAnswerBytes),
	// four times over for a server from before answers were capped.
	maxAnswerRead = 4 * wire.MaxAnswerBytes
	pushTimeout   = time.Minute      // one push, from sending to the answer
	pullMargin    = 20 * time.Second // beyond the long-poll wait before a pull is given up
	gzipOver      = 4 << 10          // request bodies larger than this are gzipped
)

// Errors from the server, for the UI to turn into sentences.
var (
	// ErrUnauthorized: the server refused the desk's token (unknown or revoked).
	ErrUnauthorized = errors.New("the server refused this desk's token")
	// ErrEnrolmentRefused: the enrolment code is unknown, used or expired.
	ErrEnrolmentRefused = errors.New("the enrolment code is unknown, already used or expired")
	// ErrDeskEnrolled: the server already has an enrolled desk with this ID.
	ErrDeskEnrolled = errors.New("a desk with this ID is already enrolled")
)

// ServerError is an answer with an error status. It matches the sentinel
// for its status with errors.Is.
type ServerError struct {
	Status int
	Body   wire.ErrorBody
}

func (e *ServerError) Error() string {
	if e.Body.Message != "" {
		return fmt.Sprintf("server: %d %s", e.Status, e.Body.Message)
	}
	return fmt.Sprintf("server: status %d", e.Status)
}

// Is maps statuses to the sentinels.
func (e *ServerError) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.Status == http.StatusUnauthorized
	case ErrEnrolmentRefused:
		return e.Status == http.StatusForbidden
	case ErrDeskEnrolled:
		return e.Status == http.StatusConflict && e.Body.Code != wire.ErrCodeConflict
	}
	return false
}

// call sends one request with the desk's token and decodes the answer.
func (c *SyncClient) call(ctx context.Context, method, path string, body []byte, timeout time.Duration, out any) error {
	_, err := c.exchange(ctx, method, path, body, nil, timeout, out)
	return err
}

// exchange is call with further request headers (nil: none), returning
// what the answer told of the server too.
func (c *SyncClient) exchange(ctx context.Context, method, path string, body []byte, hdr http.Header, timeout time.Duration, out any) (answered, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	url, token := c.endpoint()
	ans, err := serverExchange(ctx, c.cfg.HTTPClient, method, url+path, token, body, hdr, out)
	if !ans.date.IsZero() {
		c.noteServerClock(ans.date)
	}
	if ans.protocol != 0 {
		c.noteServerProtocol(ans.protocol)
	}
	return ans, err
}

func roundTrip(ctx context.Context, hc *http.Client, method, url, token string, body []byte, out any) error {
	_, err := serverExchange(ctx, hc, method, url, token, body, nil, out)
	return err
}

// answered is what every answer tells of its server: its clock (the Date
// header), its sync protocol level and, on a push answer, how many pushes
// it takes at once (wire.PushAheadHeader); zero when there was no answer
// or the header was missing.
type answered struct {
	date      time.Time
	protocol  int
	pushAhead int
}

// serverExchange is roundTrip with further request headers, that also
// returns what the answer told of the server.
func serverExchange(ctx context.Context, hc *http.Client, method, url, token string, body []byte, hdr http.Header, out any) (answered, error) {
	req, err := newRequest(ctx, method, url, body)
	if err != nil {
		return answered{}, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	resp, err := hc.Do(req)
	if err != nil {
		return answered{}, fmt.Errorf("%s %s: %w", method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	var ans answered
	ans.date, _ = http.ParseTime(resp.Header.Get("Date"))
	if h := resp.Header.Get(wire.ProtocolHeader); h != "" {
		ans.protocol, _ = wire.ParseProtocol(h)
	}
	ans.pushAhead, _ = strconv.Atoi(resp.Header.Get(wire.PushAheadHeader))
	b, err := readAnswer(resp, maxAnswerRead)
	if err != nil {
		return ans, fmt.Errorf("%s %s: read answer: %w", method, req.URL.Path, err)
	}
	if resp.StatusCode != http.StatusOK {
		se := &ServerError{Status: resp.StatusCode}
		json.Unmarshal(b, &se.Body)
		return ans, se
	}
	if err := decodeAnswer(b, out); err != nil {
		return ans, fmt.Errorf("%s %s: decode answer: %w", method, req.URL.Path, err)
	}
	return ans, nil
}

// decodeAnswer decodes an answer into out; pulls, the bulk of the traffic,
// take the one-pass reader.
func decodeAnswer(b []byte, out any) error {
	if pr, ok := out.(*wire.PullResponse); ok {
		resp, err := wire.DecodePullResponse(b)
		*pr = resp
		return err
	}
	return json.Unmarshal(b, out)
}

// protocolLevel is the sync protocol level every request says it speaks.
var protocolLevel = strconv.Itoa(wire.Protocol)

func newRequest(ctx context.Context, method, url string, body []byte) (*http.Request, error) {
	if body == nil {
		req, err := http.NewRequestWithContext(ctx, method, url, nil)
		if err == nil {
			req.Header.Set(wire.ProtocolHeader, protocolLevel)
			req.Header.Set("Accept-Encoding", "gzip") // readAnswer ungzips
		}
		return req, err
	}
	gz := len(body) > gzipOver
	if gz {
		body = gzipBody(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set(wire.ProtocolHeader, protocolLevel)
	req.Header.Set("Accept-Encoding", "gzip") // readAnswer ungzips
	req.Header.Set("Content-Type", "application/json")
	if gz {
		req.Header.Set("Content-Encoding", "gzip")
	}
	return req, nil
}

// plainError sorts what went wrong into a SyncProblem, and says it in
// English words an IT person can act on.
func plainError(err error) (SyncProblem, string) {
	var se *ServerError
	var ne net.Error
	switch {
	case errors.Is(err, ErrUnauthorized):
		return ProblemRefused, "The server refused this desk. Ask a supervisor to enrol the desk again."
	case errors.Is(err, ErrDiskFull):
		return ProblemDiskFull, "This PC's disk is full, so events from the server cannot be saved; they are pulled once space is freed: " + err.Error()
	case errors.As(err, &se) && (se.Body.Code == wire.ErrCodeDiskFull || se.Status == http.StatusInsufficientStorage):
		return ProblemServerDiskFull, "The server's disk is full, so it stores nothing; this desk's events wait and are sent once IT frees space."
	case errors.As(err, &se) && se.Body.Code == wire.ErrCodeDeskTooOld:
		return ProblemUpdateNeeded, "The server needs a newer FloorDesk on this PC: install the new version; records wait and are sent then: " + se.Body.Message
	case errors.As(err, &se) && se.Body.Code == wire.ErrCodeConflict:
		return ProblemConflict, "The server already holds event " + se.Body.Event + " with other content than this desk's copy. " +
			"The desk sets it aside and sends the rest; IT looks at it: " + se.Body.Message
	case errors.As(err, &se) && se.Body.Code == wire.ErrCodeBadSignature:
		return ProblemForged, "The server refused an event as not written by the desk it names; the desk sets it aside and sends the rest. " +
			"Keep this desk's data folder as it is and tell IT: " + se.Body.Message
	case errors.As(err, &se) && se.Body.Code == wire.ErrCodeChainBroken:
		return ProblemChainBroken, "The server refused an event as changed after it was written; the desk sets it aside and sends the rest. " +
			"Keep this desk's data folder as it is and tell IT (floordesk verify shows what changed): " + se.Body.Message
	case errors.As(err, &se) && se.Body.Code == wire.ErrCodeClockAhead:
		return ProblemClockAhead, "This PC's clock is ahead of the server's (the server's time is " +
			se.Body.ServerTime.UTC().Format("2006-01-02 15:04:05 UTC") + "). Set this PC's date and time right: " +
			"the waiting records are kept and sent then."
	case errors.As(err, &se) && se.Status == http.StatusRequestEntityTooLarge:
		return ProblemRejected, "The server refused a batch as too large."
	case errors.As(err, &se) && se.Status >= 500:
		return ProblemServer, "The server has a problem. Work goes on; it will be sent later."
	case errors.As(err, &se):
		return ProblemRejected, "The server refused the request: " + se.Body.Message
	case errors.As(err, &ne), errors.Is(err, io.ErrUnexpectedEOF), strings.Contains(err.Error(), "connection"):
		return ProblemUnreachable, "Cannot reach the server. Work goes on; it will be sent when the network is back."
	default:
		return ProblemOther, "Sync failed: " + err.Error()
	}
}

// Enroll presents a one-time enrolment code to the server at url for desk
// and returns the desk's token. It fails with ErrEnrolmentRefused for a bad
// code and ErrDeskEnrolled when the desk ID is taken.
func Enroll(ctx context.Context, url, code, desk string) (string, error) {
	resp, err := enroll(ctx, url, wire.EnrollRequest{Code: code, Desk: desk})
	return resp.Token, err
}

func enroll(ctx context.Context, url string, req wire.EnrollRequest) (wire.EnrollResponse, error) {
	var resp wire.EnrollResponse
	body, err := json.Marshal(req)
	if err != nil {
		return resp, err
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	hc := &http.Client{Timeout: 30 * time.Second}
	if err := roundTrip(ctx, hc, http.MethodPost, strings.TrimRight(url, "/")+"/v1/enroll", "", body, &resp); err != nil {
		return resp, fmt.Errorf("enroll: %w", err)
	}
	return resp, nil
}

// ServerInfo asks the server store is enrolled with what it holds for the
// desk's hotel (GET /v1/info): its epoch and latest sequence number, which
// tell a joining desk how many events are on their way, and whether there
// are any at all. It returns ErrSyncNotConfigured for a desk not enrolled,
// and a *ServerError for an answer with an error status.
func ServerInfo(ctx context.Context, store *Store) (wire.InfoResponse, error) {
	var info wire.InfoResponse
	url, token, err := serverSettings(store)
	if err != nil {
		return info, err
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	hc := &http.Client{Timeout: 15 * time.Second}
	if err := roundTrip(ctx, hc, http.MethodGet, url+"/"+wire.APIVersion+"/info", token, nil, &info); err != nil {
		return info, fmt.Errorf("server info: %w", err)
	}
	return info, nil
}

// EnrollStore enrols store's desk with the server at url and saves the URL
// and the token in the store's settings, where NewSyncClient finds them.
// On a full disk it returns ErrDiskFull before it uses the code up.
func EnrollStore(ctx context.Context, store *Store, url, code string) error {
	if err := store.roomToWrite(); err != nil {
		return fmt.Errorf("enrol: %w", err)
	}
	key := store.keyRequest()
	resp, err := enroll(ctx, url, wire.EnrollRequest{Code: code, Desk: store.Desk(), Key: &key})
	if err != nil {
		return err
	}
	if err := store.SetSetting(SettingServerURL, strings.TrimRight(url, "/")); err != nil {
		return err
	}
	if err := store.SetSetting(SettingGroup, strings.Join(resp.Group, ",")); err != nil {
		return err
	}
	if err := store.SetSetting(SettingDeskToken, resp.Token); err != nil {
		return err
	}
	store.enrolled.notify()
	return nil
}

// Enroll enrols the store's desk with the server at url (EnrollStore).
func (s *Store) Enroll(ctx context.Context, url, code string) error {
	return EnrollStore(ctx, s, url, code)
}

// ServerInfo asks the server the store is enrolled with what it holds
// (the function ServerInfo).
func (s *Store) ServerInfo(ctx context.Context) (wire.InfoResponse, error) {
	return ServerInfo(ctx, s)
}
