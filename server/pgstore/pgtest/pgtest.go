// Package pgtest starts a throwaway PostgreSQL for tests: initdb into a
// temporary folder, a server listening only on a unix socket there, and a
// fresh database per test. As root it runs PostgreSQL as the postgres user,
// since PostgreSQL refuses to run as root.
//
// When PostgreSQL is not installed, tests skip, except with CI=true, where
// they fail: CI must run them.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Cluster is a running temporary PostgreSQL.
type Cluster struct {
	dir    string // holds data/, the socket and the log
	bin    string
	asUser string // "postgres" when running as root
}

// Start runs initdb and starts a cluster in a new temporary folder.
func Start() (*Cluster, error) {
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "fdpg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, bin: bin}
	if err := c.prepare(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := c.initAndStart(); err != nil {
		c.Stop()
		return nil, err
	}
	return c, nil
}

// findBin finds initdb and pg_ctl in PATH or in Debian's versioned folders.
func findBin() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if _, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "initdb")); err == nil {
			return dirs[i], nil
		}
	}
	return "", errors.New("PostgreSQL not found (no initdb/pg_ctl in PATH or /usr/lib/postgresql/*/bin): install Debian's postgresql package")
}

// prepare lets the postgres user own the folder when we are root.
func (c *Cluster) prepare() error {
	if os.Geteuid() != 0 {
		return nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return fmt.Errorf("running as root needs a postgres user: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	c.asUser = "postgres"
	if err := os.Chmod(c.dir, 0o755); err != nil {
		return err
	}
	return os.Chown(c.dir, uid, gid)
}

func (c *Cluster) run(name string, args ...string) error {
	cmd := exec.Command(filepath.Join(c.bin, name), args...)
	if c.asUser != "" {
		cmd = exec.Command("runuser", append([]string{"-u", c.asUser, "--", filepath.Join(c.bin, name)}, args...)...)
	}
	cmd.Dir = c.dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", name, err, out)
	}
	return nil
}

func (c *Cluster) initAndStart() error {
	data := filepath.Join(c.dir, "data")
	if err := c.run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"); err != nil {
		return err
	}
	opts := "-k " + c.dir + " -c listen_addresses='' -c max_connections=300 -c shared_buffers=64MB"
	return c.run("pg_ctl", "-D", data, "-l", filepath.Join(c.dir, "log"), "-o", opts, "-w", "-t", "60", "start")
}

// Stop stops the cluster and removes its folder.
func (c *Cluster) Stop() {
	c.run("pg_ctl", "-D", filepath.Join(c.dir, "data"), "-m", "fast", "-w", "stop")
	os.RemoveAll(c.dir)
}

// URL is a connection string for database db.
func (c *Cluster) URL(db string) string {
	return fmt.Sprintf("host=%s port=5432 user=postgres dbname=%s sslmode=disable", c.dir, db)
}

// CreateDB creates a fresh database and returns its connection string.
func (c *Cluster) CreateDB(ctx context.Context, name string) (string, error) {
	conn, err := pgx.Connect(ctx, c.URL("postgres"))
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", err
	}
	return c.URL(name), nil
}

var (
	once    sync.Once
	shared  *Cluster
	sharedE error
	dbs     atomic.Int64
)

// NewDB returns a connection string to a fresh database in the test
// binary's shared cluster, started on first use. Without PostgreSQL the
// test skips, or fails when CI=true. Call Shutdown from TestMain.
func NewDB(t testing.TB) string {
	t.Helper()
	once.Do(func() { shared, sharedE = Start() })
	if sharedE != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL tests must run in CI: %v", sharedE)
		}
		t.Skipf("skipping: %v", firstLine(sharedE))
	}
	url, err := shared.CreateDB(context.Background(), fmt.Sprintf("t%d", dbs.Add(1)))
	if err != nil {
		t.Fatalf("create database: %v", err)
	}
	return url
}

// Shutdown stops the shared cluster, if one was started.
func Shutdown() {
	if shared != nil {
		shared.Stop()
	}
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// NewDBIn is NewDB with the database's tables and indexes in dir, an empty
// folder (on a small filesystem, say, to fill): a tablespace there. As
// root it gives dir to the postgres user and lets it through dir's parent
// folders. The database and the tablespace are dropped when the test ends,
// before cleanups registered earlier (the folder's unmount) run.
func NewDBIn(t testing.TB, dir string) string {
	t.Helper()
	NewDB(t) // starts the shared cluster, or skips
	if shared.asUser != "" {
		if err := giveTo(shared.asUser, dir); err != nil {
			t.Fatalf("tablespace folder: %v", err)
		}
	}
	n := dbs.Add(1)
	ts, db := fmt.Sprintf("ts%d", n), fmt.Sprintf("t%d", n)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, shared.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, sql := range []string{
		"CREATE TABLESPACE " + ts + " LOCATION " + quoteLiteral(dir),
		"CREATE DATABASE " + db + " TABLESPACE " + ts,
	} {
		if _, err := conn.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, shared.URL("postgres"))
		if err != nil {
			t.Errorf("drop %s: %v", db, err)
			return
		}
		defer conn.Close(ctx)
		for _, sql := range []string{"DROP DATABASE " + db + " WITH (FORCE)", "DROP TABLESPACE " + ts} {
			if _, err := conn.Exec(ctx, sql); err != nil {
				t.Errorf("%s: %v", sql, err)
			}
		}
	})
	return shared.URL(db)
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// giveTo makes dir owned by user and lets user through its parent folders.
func giveTo(name, dir string) error {
	u, err := user.Lookup(name)
	if err != nil {
		return err
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return err
	}
	for p := filepath.Dir(dir); p != filepath.Dir(p); p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err != nil {
			return err
		}
		if fi.Mode().Perm()&0o001 == 0 {
			if err := os.Chmod(p, fi.Mode().Perm()|0o011); err != nil {
				return err
			}
		}
	}
	return nil
}

// NewDBWithoutNotify is NewDB for a server on an engine without
// LISTEN/NOTIFY (CockroachDB): the connection string logs in as a role of
// its own that owns the database but may not call pg_notify, so the store
// finds it refused at start, as it does there.
func NewDBWithoutNotify(t testing.TB) string {
	t.Helper()
	url := NewDB(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var db string
	if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&db); err != nil {
		t.Fatal(err)
	}
	role := "nonotify_" + db
	for _, sql := range []string{
		"CREATE ROLE " + role + " LOGIN",
		"ALTER DATABASE " + db + " OWNER TO " + role,
		"ALTER SCHEMA public OWNER TO " + role,
		"REVOKE EXECUTE ON FUNCTION pg_notify(text, text) FROM PUBLIC",
	} {
		if _, err := conn.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	return strings.Replace(url, "user=postgres", "user="+role, 1)
}
