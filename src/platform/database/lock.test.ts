import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { acquireDataDirLock, DataDirLockedError } from './lock.js';

test('a second process is refused while the first holds the data directory', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotlight-lock-'));
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
  try {
    fs.writeFileSync(path.join(dir, 'spotlight.lock'), String(other.pid));
    assert.throws(
      () => acquireDataDirLock(dir),
      (e: Error) => e instanceof DataDirLockedError && e.message.includes(`pid ${other.pid}`) && e.message.includes('SPOTLIGHT_DATA_DIR'),
    );
  } finally {
    other.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a lock left by a process that died is taken over, and released', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotlight-lock-'));
  try {
    fs.writeFileSync(path.join(dir, 'spotlight.lock'), '999999999');
    const lock = acquireDataDirLock(dir);
    assert.equal(fs.readFileSync(path.join(dir, 'spotlight.lock'), 'utf8'), String(process.pid));
    lock.release();
    assert.equal(fs.existsSync(path.join(dir, 'spotlight.lock')), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
