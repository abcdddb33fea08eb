/**
 * The registry: every rule module is discovered, has its own test file and carries DfE's message; a new
 * rule is one new module (discovered with no other change).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compareRuleCodes, flagsToIssues, loadRules, runRules } from './index.js';
import { fileSetOf } from './testkit.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const REFERENCE = process.env.SPOTLIGHT_REFERENCE_DIR ?? '/work/shared/reference';

/** The 32 rules the issue asks for. */
const REQUIRED = [
  '101', '102', '103', '141', '142', '143', '144', '145', '146', '148', '149', '178', '355', '357', '358', '361', '362',
  '363', '365', '367', '378', '379', '380', '388', '393', '434', '501', '502', '574', '1001', 'INT03', 'INT32',
];

async function ruleFiles(): Promise<string[]> {
  return (await readdir(HERE)).filter((f) => /^rule_[A-Za-z0-9]+\.ts$/.test(f));
}

test('every rule_<code>.ts is discovered, in registry order, and the 32 required rules are there', async () => {
  const rules = await loadRules();
  const files = (await ruleFiles()).map((f) => f.slice(5, -3));
  assert.deepEqual(rules.map((r) => r.code), [...files].sort(compareRuleCodes));
  for (const code of REQUIRED) assert.ok(rules.some((r) => r.code === code), `rule ${code} is missing`);
  assert.deepEqual(rules.map((r) => r.code).slice(0, 3), ['101', '102', '103']);
  assert.deepEqual(rules.map((r) => r.code).slice(-3), ['1001', 'INT03', 'INT32']);
});

test('every rule module has its own test file', async () => {
  for (const f of await ruleFiles()) {
    assert.ok(existsSync(join(HERE, f.replace(/\.ts$/, '.test.ts'))), `${f} has no ${f.replace(/\.ts$/, '.test.ts')}`);
  }
});

test('every rule reads real columns of the tables it needs', async () => {
  const { TABLE_COLUMNS } = await import('../tables.js');
  for (const r of await loadRules()) {
    assert.ok(r.tables.length > 0, r.code);
    const cols = new Set(r.tables.flatMap((t) => TABLE_COLUMNS[t] as readonly string[]));
    for (const f of r.affectedFields) assert.ok(cols.has(f), `${r.code}: ${f} is not a column of ${r.tables.join(', ')}`);
  }
});

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

test('every message is DfE\'s text (ssda903-rules.txt, and in full as ssda903-rules.md quotes it)', async (t) => {
  const txtPath = join(REFERENCE, 'ssda903-rules.txt');
  const mdPath = join(REFERENCE, 'ssda903-rules.md');
  if (!existsSync(txtPath) || !existsSync(mdPath)) {
    t.skip(`reference files not found in ${REFERENCE} (set SPOTLIGHT_REFERENCE_DIR)`);
    return;
  }
  // ssda903-rules.txt: `code | year | message`, the message's first line only, cut at 170 characters.
  const txt = new Map<string, string>();
  for (const line of readFileSync(txtPath, 'utf8').split('\n')) {
    const m = /^(\S+) \| \S+ \| (.*)$/.exec(line);
    if (m) txt.set(m[1], m[2]);
  }
  // ssda903-rules.md: `## <code>` then `* **Message:** "<full text>"`.
  const md = new Map<string, string>();
  for (const m of readFileSync(mdPath, 'utf8').matchAll(/^## (\S+)\n\* \*\*Message:\*\* "(.*)"$/gm)) md.set(m[1], m[2]);
  assert.ok(md.size >= 32, 'could not read the messages of ssda903-rules.md');
  for (const r of await loadRules()) {
    const dfe = txt.get(r.code);
    assert.ok(dfe !== undefined, `rule ${r.code} is not in ssda903-rules.txt`);
    assert.ok(norm(r.message).startsWith(norm(dfe)), `rule ${r.code}: message does not start with DfE's text\n${r.message}\n${dfe}`);
    if (md.has(r.code)) assert.equal(r.message, md.get(r.code), `rule ${r.code}`);
  }
});

test('a new rule is one new module: dropped into a folder, it is discovered and run', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'spotlight-rules-'));
  try {
    await writeFile(join(dir, 'rule_9001.ts'), `
      export default {
        code: '9001', message: 'Test rule.', affectedFields: ['SEX'], tables: ['Header'],
        run(ctx: { table(n: string): { rows: { line: number; SEX: string | null }[] } }) {
          return ctx.table('Header').rows.filter((r) => r.SEX === 'X').map((r) => ({ table: 'Header', line: r.line }));
        },
      };
    `);
    await writeFile(join(dir, 'rule_9001.test.ts'), 'export {};\n'); // tests are not rules
    await writeFile(join(dir, 'helpers.ts'), 'export const x = 1;\n'); // nor is anything else
    const rules = await loadRules(dir);
    assert.deepEqual(rules.map((r) => r.code), ['9001']);
    const fs = fileSetOf({ tables: { Header: [{ SEX: 'M' }, { SEX: 'X' }] } });
    const results = runRules(fs, rules);
    assert.deepEqual(results, [{ code: '9001', status: 'ran', flags: [{ table: 'Header', line: 3 }] }]);
    assert.deepEqual(flagsToIssues(fs, rules, results), [
      { file: 'header.csv', table: 'Header', line: 3, column: 'SEX', rule: '9001', message: 'Test rule.' },
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a module whose default export is not a rule, or is another code, is refused by name', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'spotlight-rules-'));
  try {
    await writeFile(join(dir, 'rule_9002.ts'), "export default { code: '9003', message: 'm', affectedFields: [], tables: [], run: () => [] };\n");
    await assert.rejects(loadRules(dir), /rule_9002\.ts: exports rule 9003, expected 9002/);
    await rm(join(dir, 'rule_9002.ts'));
    // (a new file name: ES modules are cached by URL)
    await writeFile(join(dir, 'rule_9004.ts'), 'export default 42;\n');
    await assert.rejects(loadRules(dir), /rule_9004\.ts: the default export is not a Rule/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a rule that throws is reported as failed and the others still run; a missing table skips a rule', async () => {
  const boom = { code: 'X1', message: 'm', affectedFields: [], tables: ['Header' as const], run: () => { throw new Error('boom'); } };
  const needsMissing = { code: 'X2', message: 'm', affectedFields: [], tables: ['Missing' as const], run: () => [] };
  const fine = { code: 'X3', message: 'm', affectedFields: [], tables: ['Header' as const], run: () => [{ table: 'Header' as const, line: 2 }, { table: 'Header' as const, line: 2 }] };
  const fs = fileSetOf({ tables: { Header: [{ CHILD: '1' }] } });
  const res = runRules(fs, [boom, needsMissing, fine]);
  assert.deepEqual(res.map((r) => [r.code, r.status, r.flags.length]), [['X1', 'failed', 0], ['X2', 'skipped', 0], ['X3', 'ran', 1]]);
  assert.equal(res[0].reason, 'boom');
  assert.equal(res[1].reason, 'no Missing table');
});
