package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"io"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"floordesk/data"
	"floordesk/server"
)

// running is a floordesk-server serving a Badger folder on 127.0.0.1.
type running struct {
	dir, url string
	served   chan error
	stop     context.CancelFunc
}

// startServer runs "floordesk-server serve" in this process and waits
// until it answers.
func startServer(t *testing.T, flags ...string) *running {
	t.Helper()
	ctx, stop := context.WithCancel(t.Context())
	r := &running{dir: t.TempDir(), served: make(chan error, 1), stop: stop}
	args := append([]string{"serve", "--data", r.dir, "--listen", "127.0.0.1:0", "--log-level", "error"}, flags...)
	go func() { r.served <- run(ctx, args) }()
	t.Cleanup(r.shutdown)
	deadline := time.Now().Add(10 * time.Second)
	for r.url == "" {
		if time.Now().After(deadline) {
			t.Fatal("the server did not start")
		}
		if c, err := dialAdmin(r.dir); err == nil && healthy(c) {
			r.url = c.url
		}
		time.Sleep(10 * time.Millisecond)
	}
	return r
}

func healthy(c *adminClient) bool {
	resp, err := c.hc.Get(c.url + "/healthz")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func (r *running) shutdown() {
	if r.stop == nil {
		return
	}
	r.stop()
	r.stop = nil
	<-r.served
}

func TestAdminTokenFileIsPrivate(t *testing.T) {
	r := startServer(t)
	fi, err := os.Stat(filepath.Join(r.dir, adminTokenFile))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("admin token mode %v, want 0600", fi.Mode().Perm())
	}
	first, _, _ := loadAdminToken(r.dir)
	r.shutdown()
	again, created, err := loadAdminToken(r.dir)
	if err != nil || created || again != first || !strings.HasPrefix(first, "fda_") {
		t.Fatalf("admin token %q then %q (created %v, %v): want one kept token", first, again, created, err)
	}
}

// enroll, desks and revoke work while the server holds the folder: they go
// through its admin API.
func TestCommandsReachRunningServer(t *testing.T) {
	r := startServer(t)
	var out bytes.Buffer
	if err := enroll(t.Context(), []string{"--data", r.dir, "--property", "grand-hotel"}, &out); err != nil {
		t.Fatal(err)
	}
	token, err := data.Enroll(t.Context(), r.url, strings.TrimSpace(out.String()), "desk-7")
	if err != nil {
		t.Fatalf("enrol with the code the command printed: %v", err)
	}
	out.Reset()
	if err := desks(t.Context(), []string{"--data", r.dir}, &out); err != nil || !strings.Contains(out.String(), "desk-7") {
		t.Fatalf("desks = %q, %v", out.String(), err)
	}
	if err := revoke(t.Context(), []string{"--data", r.dir, "--desk", "desk-9"}, &out); !errors.Is(err, server.ErrNotFound) {
		t.Fatalf("revoke unknown desk: %v, want not found", err)
	}
	if err := revoke(t.Context(), []string{"--data", r.dir, "--desk", "desk-7"}, &out); err != nil {
		t.Fatal(err)
	}
	if status := infoStatus(t, r.url, token); status != http.StatusUnauthorized {
		t.Fatalf("revoked desk's request: %d, want 401", status)
	}
}

func infoStatus(t *testing.T, url, token string) int {
	req, _ := http.NewRequest("GET", url+"/v1/info", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// With TLS the commands trust exactly the certificate the server wrote
// down, though no name in it matches 127.0.0.1.
func TestCommandsReachTLSServerByPin(t *testing.T) {
	cert, key := writeCert(t)
	r := startServer(t, "--tls-cert", cert, "--tls-key", key)
	if !strings.HasPrefix(r.url, "https://127.0.0.1:") {
		t.Fatalf("admin url %q, want https on loopback", r.url)
	}
	var out bytes.Buffer
	if err := desks(t.Context(), []string{"--data", r.dir}, &out); err != nil {
		t.Fatalf("desks over TLS: %v", err)
	}
	c, err := dialAdmin(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	c.hc.Transport = pinnedTransport(strings.Repeat("0", 64))
	if err := c.call(t.Context(), "GET", "/v1/admin/desks", nil, nil); err == nil {
		t.Fatal("a client pinned to another certificate reached the server")
	}
}

// writeCert writes a self-signed certificate for a name that is not
// 127.0.0.1 and returns the PEM files.
func writeCert(t *testing.T) (certFile, keyFile string) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "sync.hotel.example"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		DNSNames: []string{"sync.hotel.example"}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, _ := x509.MarshalECPrivateKey(key)
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600)
	return certFile, keyFile
}
