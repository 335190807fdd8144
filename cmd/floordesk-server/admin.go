package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"floordesk/data/wire"
	"floordesk/server"
)

// The running server leaves two files in its data folder for the commands
// (enroll, revoke, desks, backup) to reach it when they cannot open the
// folder themselves: the admin token, made on first start, and where it
// listens.
const (
	adminTokenFile  = "admin-token"
	adminServerFile = "admin-server.json"
)

// adminServer says how to reach the running server from this machine.
type adminServer struct {
	URL        string `json:"url"`
	CertSHA256 string `json:"cert_sha256,omitempty"` // the TLS certificate the server presents, pinned
}

// loadAdminToken reads dir's admin token, creating it (mode 0600) when
// missing. created tells the caller to say where it is.
func loadAdminToken(dir string) (token string, created bool, err error) {
	path := filepath.Join(dir, adminTokenFile)
	b, err := os.ReadFile(path)
	if err == nil {
		token = strings.TrimSpace(string(b))
		if token == "" {
			return "", false, fmt.Errorf("admin token: %s is empty: delete it to make a new one", path)
		}
		return token, false, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", false, fmt.Errorf("admin token: %w", err)
	}
	token = server.NewAdminToken()
	if err := writeFileAtomic(path, func(w io.Writer) error {
		_, err := io.WriteString(w, token+"\n")
		return err
	}); err != nil {
		return "", false, fmt.Errorf("admin token: %w", err)
	}
	return token, true, nil
}

// writeAdminServer records in dir where the server listening on addr can be
// reached from this machine.
func writeAdminServer(dir string, addr net.Addr, lc server.ListenConfig) error {
	as, err := adminServerFor(addr, lc)
	if err != nil {
		return err
	}
	b, _ := json.Marshal(as)
	return writeFileAtomic(filepath.Join(dir, adminServerFile), func(w io.Writer) error {
		_, err := w.Write(append(b, '\n'))
		return err
	})
}

func adminServerFor(addr net.Addr, lc server.ListenConfig) (adminServer, error) {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return adminServer{}, fmt.Errorf("admin address: not TCP: %s", addr)
	}
	ip := tcp.IP
	if ip.IsUnspecified() {
		ip = net.IPv4(127, 0, 0, 1)
	}
	host := net.JoinHostPort(ip.String(), fmt.Sprint(tcp.Port))
	if lc.TLSCert == "" {
		return adminServer{URL: "http://" + host}, nil
	}
	cert, err := tls.LoadX509KeyPair(lc.TLSCert, lc.TLSKey)
	if err != nil {
		return adminServer{}, fmt.Errorf("admin address: %w", err)
	}
	sum := sha256.Sum256(cert.Certificate[0])
	return adminServer{URL: "https://" + host, CertSHA256: hex.EncodeToString(sum[:])}, nil
}

// adminClient calls the admin API of the server running on dir.
type adminClient struct {
	url, token string
	hc         *http.Client
}

// dialAdmin prepares to call the server that holds dir.
func dialAdmin(dir string) (*adminClient, error) {
	token, err := os.ReadFile(filepath.Join(dir, adminTokenFile))
	if err != nil {
		return nil, fmt.Errorf("a server is running on %s but its admin token cannot be read (%w): run this as the server's user", dir, err)
	}
	b, err := os.ReadFile(filepath.Join(dir, adminServerFile))
	if err != nil {
		return nil, fmt.Errorf("a server is running on %s but left no address (%w): restart it with this version", dir, err)
	}
	var as adminServer
	if err := json.Unmarshal(b, &as); err != nil {
		return nil, fmt.Errorf("read %s: %w", adminServerFile, err)
	}
	return &adminClient{url: as.URL, token: strings.TrimSpace(string(token)), hc: &http.Client{Transport: pinnedTransport(as.CertSHA256)}}, nil
}

// pinnedTransport trusts exactly the certificate with the given SHA-256
// (the one the server wrote down), since on loopback no name would match.
func pinnedTransport(certSHA256 string) *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	if certSHA256 == "" {
		return tr
	}
	tr.TLSClientConfig = &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true, // replaced by the pin below
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			if len(raw) == 0 {
				return errors.New("server sent no certificate")
			}
			sum := sha256.Sum256(raw[0])
			if hex.EncodeToString(sum[:]) != certSHA256 {
				return errors.New("server certificate is not the one the server wrote down")
			}
			return nil
		},
	}
	return tr
}

// call sends a JSON request (in nil: none) and decodes a JSON answer into
// out (nil: ignored). An error answer becomes an error with its message;
// 404 wraps server.ErrNotFound.
func (c *adminClient) call(ctx context.Context, method, path string, in, out any) error {
	resp, err := c.send(ctx, method, path, in)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if out == nil {
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("server answer: %w", err)
	}
	return nil
}

// send makes the request and returns a 200 answer; others become errors.
func (c *adminClient) send(ctx context.Context, method, path string, in any) (*http.Response, error) {
	var body io.Reader
	if in != nil {
		b, _ := json.Marshal(in)
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.url+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("reach the running server: %w", err)
	}
	if resp.StatusCode == http.StatusOK {
		return resp, nil
	}
	defer resp.Body.Close()
	return nil, answerError(resp)
}

func answerError(resp *http.Response) error {
	var eb wire.ErrorBody
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	if json.Unmarshal(b, &eb) != nil || eb.Message == "" {
		eb.Message = strings.TrimSpace(string(b))
	}
	if resp.StatusCode == http.StatusNotFound {
		return fmt.Errorf("%w: %s", server.ErrNotFound, eb.Message)
	}
	return fmt.Errorf("server: %s (%d)", eb.Message, resp.StatusCode)
}

// backup streams the server's backup into w; it fails unless the server
// marked the backup complete.
func (c *adminClient) backup(ctx context.Context, w io.Writer) error {
	resp, err := c.send(ctx, "POST", "/v1/admin/backup", nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(w, resp.Body); err != nil {
		return fmt.Errorf("receive backup: %w", err)
	}
	if resp.Trailer.Get(server.BackupTrailer) != "complete" {
		return errors.New("the server could not finish the backup: see its log")
	}
	return nil
}

// writeFileAtomic writes path through fill into a temporary file (mode
// 0600) in the same folder, synced, then renamed over path: path is never
// left half-written.
func writeFileAtomic(path string, fill func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	err = fill(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
