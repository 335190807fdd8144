package kit

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/url"
	"strings"

	"fyne.io/fyne/v2/lang"

	"floordesk/data"
	"floordesk/data/wire"
)

// CheckServerURL is the format check of a sync server address as it is
// typed: "" when s is empty or an address a desk may use, else a sentence
// saying what to type. Tokens travel in every request, so plain http:// is
// only for a server on this computer (loopback), as the server itself
// insists (see docs/SERVER.md).
func CheckServerURL(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	switch {
	case err != nil || u.Host == "" || u.User != nil:
		return lang.L("kit.url_format")
	case u.Scheme == "https":
		return ""
	case u.Scheme == "http" && loopback(u.Hostname()):
		return ""
	}
	return lang.L("kit.url_format")
}

func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// SayEnrolError says in plain words why enrolling with the server at url
// (data.Enroll, data.EnrollStore) failed, and what to do about it.
func SayEnrolError(err error, url string) string {
	if err == nil {
		return ""
	}
	if key := enrolErrorKey(err, url); key != "" {
		return lang.L(key, map[string]string{"URL": url})
	}
	return lang.L("kit.enrol_failed")
}

// enrolErrorKey is the translation of an enrolment failure; "" for one
// without a sentence of its own. The server's refusals come first, then
// TLS (whose failures are also net.Errors), then the network.
func enrolErrorKey(err error, url string) string {
	if errors.Is(err, data.ErrDiskFull) {
		return "refusal.disk.full"
	}
	if key := serverRefusalKey(err, url); key != "" {
		return key
	}
	if key := tlsKey(err); key != "" {
		return key
	}
	var dns *net.DNSError
	var ne net.Error
	switch {
	case errors.As(err, &dns):
		return "kit.enrol_no_such_host"
	case errors.As(err, &ne), errors.Is(err, context.DeadlineExceeded), strings.Contains(err.Error(), "connection"):
		return "kit.enrol_unreachable"
	}
	return ""
}

// serverRefusalKey covers an answer with an error status.
func serverRefusalKey(err error, url string) string {
	var se *data.ServerError
	switch {
	case errors.Is(err, data.ErrEnrolmentRefused), errors.Is(err, data.ErrUnauthorized):
		return "kit.enrol_refused"
	case errors.Is(err, data.ErrDeskEnrolled):
		return "kit.enrol_taken"
	case !errors.As(err, &se):
		return ""
	case se.Body.Code == wire.ErrCodeBadCode:
		return "kit.enrol_refused"
	case se.Body.Code == wire.ErrCodeDeskTooOld:
		return "kit.enrol_update_needed"
	case se.Status >= 500:
		return "kit.enrol_server_problem"
	case se.Body.Code == "" && se.Status == 400 && strings.HasPrefix(url, "http://"):
		// Go's TLS server answers plain HTTP with a bare 400.
		return "kit.enrol_wants_https"
	case se.Body.Code == "" || se.Body.Code == wire.ErrCodeNotFound:
		return "kit.enrol_not_floordesk"
	}
	return ""
}

// tlsKey covers a TLS handshake that failed: a certificate this computer
// does not trust, made out to another name, or out of date; or no TLS at
// all on the other end.
func tlsKey(err error) string {
	var unknown x509.UnknownAuthorityError
	var name x509.HostnameError
	var invalid x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	var header tls.RecordHeaderError
	switch {
	case errors.As(err, &name):
		return "kit.enrol_tls_name"
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		return "kit.enrol_tls_expired"
	case errors.As(err, &unknown), errors.As(err, &invalid), errors.As(err, &verify):
		return "kit.enrol_tls_untrusted"
	case errors.As(err, &header), strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		return "kit.enrol_not_tls"
	}
	return ""
}
