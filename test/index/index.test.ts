/**
 * The claims index: `numcheck index <paths> --db FILE` and `numcheck review draft --against-index FILE`.
 */
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import Database from 'better-sqlite3';
import { main } from '../../src/cli/main.js';

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const WIRE = `date 2024-03-04

Flooding in the Harlow valley has forced 12,400 people from their homes, the regional emergency service said on Monday.

The river peaked at 6.2 metres overnight. Officials said 38 schools were closed.
`;
const LOCAL = `---
title: Valley floods
date: 2024-03-04
outlet: Harlow Courier
---

The regional emergency service said 12,400 people had been evacuated from their homes in the Harlow valley by Monday.

Some 40 roads remain closed.
`;
const UNRELATED = `date 2023-06-01

The city council approved a budget of $52 million for the new library, which will hold 180,000 books.
`;
const DRAFT = `---
date: 2024-03-04
---

# Harlow valley floods

About 21,400 people have been evacuated from their homes in the Harlow valley, the regional emergency service said on Monday.

The river peaked at 6.2 metres.
`;

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'numcheck-index-'));
  writeFileSync(join(dir, 'wire.txt'), WIRE);
  writeFileSync(join(dir, 'local.md'), LOCAL);
  writeFileSync(join(dir, 'library.txt'), UNRELATED);
  writeFileSync(join(dir, 'draft.md'), DRAFT);
  return dir;
}

describe('numcheck index / review --against-index', () => {
  test('index then review finds the planted disagreement, as review --against does', async () => {
    const dir = folder();
    const db = join(dir, 'archive.sqlite');
    const ix = await cli(['index', join(dir, 'wire.txt'), join(dir, 'local.md'), join(dir, 'library.txt'), '--db', db]);
    expect(ix.code).toBe(0);
    expect(ix.stderr).toMatch(/indexed 3 documents \(0 replaced\), \d+ claims/);
    expect(existsSync(db)).toBe(true);

    const r = await cli(['review', join(dir, 'draft.md'), '--against-index', db, '-f', 'json']);
    expect(r.code).toBe(0); // the mismatch rule is a warning
    const out = JSON.parse(r.stdout);
    const byId = new Map(out.claims.map((c: { id: string }) => [c.id, c]));
    const f = out.findings.find((x: { claims: string[] }) => x.claims.some((id) => (byId.get(id) as { text: string }).text === 'About 21,400'));
    expect(f).toBeDefined();
    const texts = f.claims.map((id: string) => (byId.get(id) as { text: string }).text);
    expect(texts).toEqual(expect.arrayContaining(['About 21,400', '12,400']));
    // only the documents that hold candidate claims were read: not the library article
    expect(out.documents.map((d: { id: string }) => d.id).some((id: string) => id.endsWith('library.txt'))).toBe(false);
    // the same finding as review --against the files themselves
    const direct = await cli(['review', join(dir, 'draft.md'), '--against', join(dir, 'wire.txt'), join(dir, 'local.md'), join(dir, 'library.txt'), '-f', 'json']);
    const directOut = JSON.parse(direct.stdout);
    expect(out.findings.map((x: { kind: string; rule: string }) => `${x.rule}/${x.kind}`)).toEqual(directOut.findings.map((x: { kind: string; rule: string }) => `${x.rule}/${x.kind}`));
    // --fail-level warning makes it fail the step
    const strict = await cli(['review', join(dir, 'draft.md'), '--against-index', db, '--fail-level', 'warning', '-f', 'json']);
    expect(strict.code).toBe(1);
  });

  test('re-indexing a document replaces its rows', async () => {
    const dir = folder();
    const db = join(dir, 'archive.sqlite');
    expect((await cli(['index', join(dir, 'wire.txt'), join(dir, 'local.md'), '--db', db])).code).toBe(0);
    const count = () => {
      const d = new Database(db, { readonly: true });
      const n = d.prepare(`SELECT (SELECT count(*) FROM documents) AS docs, (SELECT count(*) FROM claims) AS claims, (SELECT count(*) FROM claims WHERE text = '12,400') AS old, (SELECT count(*) FROM claims WHERE text = '21,400') AS new`).get() as Record<string, number>;
      d.close();
      return n;
    };
    const before = count();
    expect(before.old).toBe(2);
    // the wire story is corrected and indexed again, alone
    writeFileSync(join(dir, 'wire.txt'), WIRE.replace('12,400', '21,400'));
    const again = await cli(['index', join(dir, 'wire.txt'), '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/indexed 1 document \(1 replaced\)/);
    const after = count();
    expect(after.docs).toBe(before.docs);
    expect(after.claims).toBe(before.claims);
    expect(after.old).toBe(1);
    expect(after.new).toBe(1);
  });

  test('a missing, corrupt or foreign database exits 2 with a clear message', async () => {
    const dir = folder();
    const missing = await cli(['review', join(dir, 'draft.md'), '--against-index', join(dir, 'nope.sqlite')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot open the claims index .*nope\.sqlite: no such file/);
    expect(missing.stderr).not.toMatch(/at .*\.ts:/); // no stack trace

    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database at all, just some text '.repeat(100));
    const corrupt = await cli(['review', join(dir, 'draft.md'), '--against-index', junk]);
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toMatch(/junk\.sqlite is not a numcheck claims index/);
    // index refuses to write into it too
    const ix = await cli(['index', join(dir, 'wire.txt'), '--db', junk]);
    expect(ix.code).toBe(2);
    expect(ix.stderr).toMatch(/not an SQLite database/);

    // a real SQLite file whose header survives but whose pages are damaged
    const good = join(dir, 'good.sqlite');
    expect((await cli(['index', join(dir, 'wire.txt'), '--db', good])).code).toBe(0);
    const d = new Database(good);
    d.pragma('wal_checkpoint(TRUNCATE)');
    d.close();
    const { readFileSync } = await import('node:fs');
    const buf = readFileSync(good);
    buf.fill(0xab, 100);
    const damaged = join(dir, 'damaged.sqlite');
    writeFileSync(damaged, buf);
    const dmg = await cli(['review', join(dir, 'draft.md'), '--against-index', damaged]);
    expect(dmg.code).toBe(2);
    expect(dmg.stderr).toMatch(/damaged\.sqlite is not a numcheck claims index/);

    const foreign = join(dir, 'other.sqlite');
    const o = new Database(foreign);
    o.exec('CREATE TABLE t (x)');
    o.close();
    const other = await cli(['review', join(dir, 'draft.md'), '--against-index', foreign]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/not a numcheck claims index/);
  });
});
