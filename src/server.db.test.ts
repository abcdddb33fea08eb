import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { testDbKind } from './platform/testing/db.js';

/**
 * The real `spotlight` command on the embedded database: first start creates the demo authority and
 * prints the sign-in details once; a second process on the same data directory is refused with a clear
 * message; stopping and starting again keeps the data; `user add` reads a password from standard input.
 */
const BIN = path.resolve(import.meta.dirname, '../bin/spotlight.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function run(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let out = '', err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
    child.on('exit', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

function serve(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; out: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Spotlight is running')) resolve({ child, out: () => out });
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function signIn(port: number, email: string, password: string): Promise<number> {
  const page = await fetch(`http://127.0.0.1:${port}/sign-in`);
  const csrf = /spotlight_csrf=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')![1]!;
  const res = await fetch(`http://127.0.0.1:${port}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `spotlight_csrf=${csrf}` },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  return res.status;
}

test('npm start on an empty data directory, a second process, a restart, and user add', { skip: testDbKind !== 'pglite' && 'embedded database only' }, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotlight-serve-'));
  const port = await freePort();
  const env = { SPOTLIGHT_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  try {
    const first = await serve(env);
    const password = /Password for every demo account: (\S+)/.exec(first.out())?.[1];
    assert.ok(password, 'the demo sign-in details are printed on first start');
    assert.match(first.out(), /chair.*alex\.morgan@example\.gov\.uk|alex\.morgan@example\.gov\.uk/);
    const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
    assert.equal(health.database.kind, 'pglite');

    const second = await run(['migrate'], env);
    assert.equal(second.code, 1);
    assert.match(second.err, /in use by another Spotlight process \(pid \d+\)/);

    await stop(first.child);
    const added = await run(['user', 'add', 'kim.patel@example.gov.uk', '--role', 'officer', '--name', 'Kim Patel'], env, 'a-long-enough-password\n');
    assert.equal(added.code, 0, added.err);
    const dup = await run(['user', 'add', 'kim.patel@example.gov.uk', '--role', 'officer'], env, 'a-long-enough-password\n');
    assert.equal(dup.code, 1);
    assert.match(dup.err, /already exists/);
    const badRole = await run(['user', 'add', 'x@example.gov.uk', '--role', 'wizard'], env);
    assert.equal(badRole.code, 2);
    assert.match(badRole.err, /--role must be one of/);

    const again = await serve(env);
    try {
      assert.doesNotMatch(again.out(), /Password for every demo account/, 'the demo details are printed once');
      assert.equal(await signIn(port, 'alex.morgan@example.gov.uk', password!), 303, 'the demo data survived the restart');
      assert.equal(await signIn(port, 'kim.patel@example.gov.uk', 'a-long-enough-password'), 303, 'the user added on the command line signs in');
    } finally {
      await stop(again.child);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
