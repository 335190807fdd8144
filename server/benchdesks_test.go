package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"floordesk/data"
	"floordesk/data/wire"
	"floordesk/server"
)

// runBenchDesks is the simulated desks' process: it enrols manyDesks desks
// spread over the properties in spec ("URL|PROPERTIES", or
// "URL,URL,…|PROPERTIES" for several servers on one database, desk i on
// the i-th in turn), has each long-poll, and prints "ready". Then, for each line of last sequences by
// property it reads, it answers "ok" once every desk has pulled that far,
// or an error. It ends when its input closes.
func runBenchDesks(spec string) int {
	urls, props, _ := strings.Cut(spec, "|")
	properties, err := strconv.Atoi(props)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bad desks spec:", spec)
		return 1
	}
	f, err := enrollFleet(strings.Split(urls, ","), properties)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := range manyDesks {
		wg.Go(func() { f.poll(ctx, i) })
	}
	fmt.Println("ready")
	f.answer(bufio.NewScanner(os.Stdin))
	cancel()
	wg.Wait()
	return 0
}

// fleet is the simulated desks: their tokens and properties, and one HTTP
// client whose pool keeps a connection per desk.
type fleet struct {
	urls   []string // desk i's server is urls[i%len(urls)]
	hc     *http.Client
	tokens []string
	props  []string
	seqs   []atomic.Uint64 // each desk's pull cursor
	failed atomic.Int64    // pulls that failed other than by cancellation
}

func newBenchClient(conns int) *http.Client {
	tr := &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, IdleConnTimeout: time.Minute}
	return &http.Client{Transport: tr, Timeout: time.Minute}
}

func enrollFleet(urls []string, properties int) (*fleet, error) {
	f := &fleet{urls: urls, hc: newBenchClient(2 * manyDesks), seqs: make([]atomic.Uint64, manyDesks)}
	for i := range manyDesks {
		prop := fmt.Sprintf("hotel-%d", i%properties)
		token, err := enrollBenchDesk(f.hc, f.url(i), prop, fmt.Sprintf("desk-%d", i))
		if err != nil {
			return nil, err
		}
		f.tokens, f.props = append(f.tokens, token), append(f.props, prop)
	}
	return f, nil
}

// enrollBenchDesk has the server make a code and enrols desk with it.
func enrollBenchDesk(hc *http.Client, url, property, desk string) (string, error) {
	var code server.AdminEnrollResponse
	body, _ := json.Marshal(server.AdminEnrollRequest{Property: property})
	if err := call(context.Background(), hc, "POST", url+"/v1/admin/enroll", testAdminToken, body, &code); err != nil {
		return "", err
	}
	return data.Enroll(context.Background(), url, code.Code, desk)
}

// url is desk i's server.
func (f *fleet) url(i int) string { return f.urls[i%len(f.urls)] }

// poll long-polls as desk i until ctx is done.
func (f *fleet) poll(ctx context.Context, i int) {
	for ctx.Err() == nil {
		url := fmt.Sprintf("%s/v1/events?after=%d&wait=30", f.url(i), f.seqs[i].Load())
		var res wire.PullResponse
		if err := call(ctx, f.hc, "GET", url, f.tokens[i], nil, &res); err != nil {
			if ctx.Err() == nil && f.failed.Add(1) > 100 {
				return // counted, and reported by answer
			}
			continue
		}
		f.seqs[i].Store(res.Next)
	}
}

// answer reads lines of last sequences by property and answers each.
func (f *fleet) answer(in *bufio.Scanner) {
	for in.Scan() {
		var last map[string]uint64
		if err := json.Unmarshal(in.Bytes(), &last); err != nil {
			fmt.Println("error:", err)
			continue
		}
		if err := f.waitCaughtUp(last, 30*time.Second); err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println("ok")
	}
}

// waitCaughtUp waits until every desk's cursor is at its property's last
// sequence: every desk has every event.
func (f *fleet) waitCaughtUp(last map[string]uint64, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for i := range manyDesks {
		for f.seqs[i].Load() < last[f.props[i]] {
			if n := f.failed.Load(); n > 0 {
				return fmt.Errorf("%d pulls failed", n)
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("desk %d is at %d of %d after %v", i, f.seqs[i].Load(), last[f.props[i]], limit)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	return nil
}

// call sends a request with a bearer token and decodes the JSON answer.
func call(ctx context.Context, hc *http.Client, method, url, token string, body []byte, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s: %d %s", method, req.URL.Path, resp.StatusCode, raw)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(raw, out)
}
