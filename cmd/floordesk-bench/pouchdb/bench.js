// The PouchDB reference of `make bench`: a local PouchDB replicates
// 10,000 documents of the size and shape of BenchmarkPushPull's events
// into a PouchDB server (express-pouchdb over LevelDB) on loopback, in a
// child process so that the server has its own core as CouchDB would.
// Two servers: LevelDB as PouchDB ships it (writes not fsynced) and
// LevelDB with every write fsynced (as CouchDB commits, and as
// FloorDesk's server stores do). Each run replicates into a fresh
// database and is timed from the start of the replication to its
// completion, after one untimed replication into each server. One line a
// run:
//
//   pouchdb fsync=0 batch=100 run=1 docs=10000 bytes=573 seconds=3.245 docs/s=3081
//
// Usage: node bench.js [--batches 100,1000] [--runs 3] [--docs 10000]
'use strict';

const { fork } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const leveldown = require('leveldown');
const PouchDB = require('pouchdb-node');

// durableLeveldown is LevelDB with every write fsynced before it is
// answered, as CouchDB commits (and as FloorDesk's server stores do).
function durableLeveldown(location) {
  const db = leveldown(location);
  for (const op of ['_put', '_del', '_batch']) {
    const orig = db[op];
    db[op] = function (...args) {
      const i = args.length - 2; // options come before the callback
      args[i] = Object.assign({}, args[i], { sync: true });
      return orig.apply(this, args);
    };
  }
  return db;
}

// serve answers CouchDB's API for databases in dir, on a loopback port it
// sends to the parent.
function serve(dir, fsync) {
  const Server = PouchDB.defaults({ prefix: dir + path.sep, db: fsync ? durableLeveldown : leveldown });
  const app = require('express-pouchdb')(Server, {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: path.join(dir, 'log.txt'),
  });
  const srv = http.createServer(app);
  srv.listen(0, '127.0.0.1', () => process.send({ port: srv.address().port }));
}

function args() {
  const out = { batches: [100, 1000], runs: 3, docs: 10000 };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) {
    const v = a[i + 1];
    if (a[i] === '--batches') out.batches = v.split(',').map(Number);
    else if (a[i] === '--runs') out.runs = Number(v);
    else if (a[i] === '--docs') out.docs = Number(v);
    else throw new Error('unknown flag ' + a[i]);
  }
  const bad = (n, lo, hi) => !Number.isInteger(n) || n < lo || n > hi;
  if (out.batches.some((b) => bad(b, 1, 10000)) || bad(out.runs, 1, 100) || bad(out.docs, 1, 1000000)) {
    throw new Error('--batches 1..10000, --runs 1..100, --docs 1..1000000');
  }
  return out;
}

// doc is an event as BenchmarkPushPull's desk seals it: ids, clock,
// entity, type, a 100-byte note and the seal's hashes and signature.
function doc(i) {
  const b64 = (n) => crypto.randomBytes(n).toString('base64url');
  return {
    _id: crypto.randomUUID(),
    hlc: `${1796633370250 + i}.0`,
    desk: 'desk-bench',
    actor: 'staff-1',
    entity: { kind: 'key', id: 'F3-MASTER' },
    type: 'key.signed_out',
    v: 1,
    body: { note: 'abcdefghijklmnopqrstuvwxyz'.repeat(4).slice(0, 100) },
    seal: { k: '34750f98bd59fcfc', n: i + 1, p: crypto.randomUUID(), ph: b64(32), h: b64(32), s: b64(64) },
  };
}

// startServer forks a PouchDB server over its own folder in dir.
async function startServer(dir, fsync) {
  const sub = path.join(dir, `server-fsync${fsync}`);
  fs.mkdirSync(sub);
  const child = fork(__filename, ['--serve', sub, String(fsync)]);
  const port = await new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m.port));
    child.once('exit', (code) => reject(new Error('the PouchDB server stopped: ' + code)));
  });
  return { child, port, fsync };
}

// replicate times one replication of every local document into a fresh
// database on the server.
async function replicate(local, server, batch, run, docs, bytes, print = true) {
  const remote = new PouchDB(`http://127.0.0.1:${server.port}/bench-${batch}-${run}`);
  const start = process.hrtime.bigint();
  const res = await PouchDB.replicate(local, remote, { batch_size: batch });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (res.docs_written !== docs) throw new Error(`wrote ${res.docs_written} of ${docs}`);
  if (print) console.log(`pouchdb fsync=${server.fsync} batch=${batch} run=${run} docs=${docs} bytes=${bytes} ` +
    `seconds=${seconds.toFixed(3)} docs/s=${Math.round(docs / seconds)}`);
  await remote.destroy();
}

async function main() {
  const opt = args();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdpouch-'));
  const servers = [];
  try {
    for (const fsync of [0, 1]) servers.push(await startServer(dir, fsync));
    const local = new PouchDB(path.join(dir, 'local'));
    const docs = Array.from({ length: opt.docs }, (_, i) => doc(i));
    for (let i = 0; i < docs.length; i += 1000) await local.bulkDocs(docs.slice(i, i + 1000));
    const bytes = Buffer.byteLength(JSON.stringify(docs[1]));
    // One replication each first, untimed: Node compiles its hot code
    // during the first, which CouchDB would not.
    for (const server of servers) await replicate(local, server, 100, 0, opt.docs, bytes, false);
    // The two servers take turns, so that both meet the same load of a
    // shared machine.
    for (const batch of opt.batches) {
      for (let run = 1; run <= opt.runs; run++) {
        for (const server of servers) await replicate(local, server, batch, run, opt.docs, bytes);
      }
    }
    await local.close();
  } finally {
    for (const s of servers) s.child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') {
  serve(process.argv[3], process.argv[4] === '1');
} else {
  main().catch((err) => {
    console.error('pouchdb bench:', err.message);
    process.exit(1);
  });
}
