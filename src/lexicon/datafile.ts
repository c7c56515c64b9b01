/**
 * Loading the YAML/JSON data files under rules/ (and users' own): parse with source positions, validate with
 * ajv against a JSON Schema from rules/schema/, and report every problem as file:line:col.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document as YamlDocument } from 'yaml';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { DataFileError, type FileProblem } from '../util/errors.js';
import { packageRoot, rulesPath } from '../util/paths.js';

export interface ParsedDataFile {
  file: string;
  data: unknown;
  doc: YamlDocument.Parsed;
  lines: LineCounter;
  /** The data came from the build-time cache of the built-in files (unchanged since the build; validated by the tests). */
  fromCache?: boolean;
  /** Positions the build worked out ({@link CACHED_POSITIONS}), by positionKey. */
  positions?: Record<string, { line: number; column: number }>;
}

interface CacheEntry {
  size: number;
  mtimeMs: number;
  data: unknown;
  positions?: Record<string, { line: number; column: number }>;
}

/** The positions every loaded rule asks for (pointer, key), worked out at build time for the built-in files. */
export const CACHED_POSITIONS: Array<[string, string | undefined]> = [
  ['/id', undefined],
  ['', 'check'],
  ['/params', 'expression'],
];

export function positionKey(pointer: string, key?: string): string {
  return key === undefined ? pointer : `${pointer}\u0000${key}`;
}

/** The cached positions of a parsed file (for the build's rules cache). */
export function cachedPositions(parsed: ParsedDataFile): Record<string, { line: number; column: number }> {
  const out: Record<string, { line: number; column: number }> = {};
  for (const [pointer, key] of CACHED_POSITIONS) out[positionKey(pointer, key)] = positionOf(parsed, pointer, key);
  return out;
}

let cache: Map<string, CacheEntry> | null = null;

/**
 * The build writes dist/rules-cache.json: every built-in YAML/JSON file under rules/ parsed, with its size and
 * mtime. Parsing the lexicons' YAML costs more than the rest of a small run; JSON.parse of the cache does not.
 * An entry is used only while the file on disk is unchanged, so edits to rules/ take effect at once.
 */
function rulesCache(): Map<string, CacheEntry> {
  if (cache) return cache;
  cache = new Map();
  try {
    const raw = JSON.parse(readFileSync(join(packageRoot(), 'dist', 'rules-cache.json'), 'utf8')) as Record<string, CacheEntry>;
    for (const [rel, e] of Object.entries(raw)) cache.set(join(packageRoot(), rel), e);
  } catch {
    /* no cache (running from sources): parse the files */
  }
  return cache;
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Parse YAML or JSON text, keeping positions. Throws DataFileError with file:line:col on a syntax error. */
export function parseDataText(text: string, file: string): ParsedDataFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: false });
  const shown = displayPath(file);
  if (doc.errors.length) {
    throw new DataFileError(
      doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { file: shown, line: pos.line, column: pos.col, message: `invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${firstLine(e.message)}` };
      }),
    );
  }
  // Aliases could expand exponentially ("billion laughs"); the yaml library caps alias expansion (maxAliasCount).
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new DataFileError([{ file: shown, line: 1, column: 1, message: `invalid YAML: ${firstLine((e as Error).message)}` }]);
  }
  return { file, data, doc, lines };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

export function readDataFile(file: string): ParsedDataFile {
  const hit = rulesCache().get(file);
  if (hit) {
    try {
      const st = statSync(file);
      if (st.size === hit.size && st.mtimeMs === hit.mtimeMs) {
        // positions are needed only to report a problem: parse the text then
        let parsed: ParsedDataFile | null = null;
        const full = () => (parsed ??= parseDataText(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), file));
        return {
          file,
          data: hit.data,
          fromCache: true,
          ...(hit.positions ? { positions: hit.positions } : {}),
          get doc() {
            return full().doc;
          },
          get lines() {
            return full().lines;
          },
        };
      }
    } catch {
      /* fall through to reading the file */
    }
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new DataFileError([{ file: displayPath(file), line: 1, column: 1, message: `cannot read: ${why}` }]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseDataText(text, file);
}

/** The source position of the value (or key, for an unexpected property) at a JSON pointer. */
export function positionOf(parsed: ParsedDataFile, pointer: string, key?: string): { line: number; column: number } {
  const known = parsed.positions?.[positionKey(pointer, key)];
  if (known) return { line: known.line, column: known.column };
  const path = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  let node: unknown = parsed.doc.contents;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg));
      node = pair ? pair.value ?? pair.key : node;
      if (!pair) break;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg] ?? node;
      if (node === undefined) break;
    } else break;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === key);
    if (pair && isScalar(pair.key) && pair.key.range) node = pair.key;
  }
  const range = (node as { range?: [number, number, number] } | null)?.range;
  const at = range ? range[0] : 0;
  const pos = parsed.lines.linePos(at);
  return { line: pos.line, column: pos.col };
}

/** Turn ajv errors into located, readable problems. */
export function ajvProblems(parsed: ParsedDataFile, errors: ErrorObject[]): FileProblem[] {
  const shown = displayPath(parsed.file);
  const out: FileProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    let key: string | undefined;
    let msg: string;
    const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
    switch (e.keyword) {
      case 'additionalProperties':
        key = String((e.params as { additionalProperty: string }).additionalProperty);
        msg = `unknown key "${key}"${e.instancePath ? ` in ${where}` : ''}`;
        break;
      case 'required':
        msg = `${where}: missing required key "${(e.params as { missingProperty: string }).missingProperty}"`;
        break;
      case 'enum':
        msg = `${where} must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`;
        break;
      case 'const':
        msg = `${where} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
        break;
      case 'if':
      case 'anyOf':
      case 'oneOf':
        continue; // the specific branch errors say more
      default:
        msg = `${where} ${e.message ?? 'is invalid'}`;
    }
    const pos = positionOf(parsed, e.instancePath, key);
    const id = `${pos.line}:${pos.column}:${msg}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ file: shown, line: pos.line, column: pos.column, message: msg });
  }
  return out;
}

let ajvInstance: AjvClass | null = null;
const validators = new Map<string, ValidateFunction>();

/** Compile (once) the schema rules/schema/<name>.schema.json. ajv is loaded only when a file is validated. */
export async function validatorFor(name: string): Promise<ValidateFunction> {
  const hit = validators.get(name);
  if (hit) return hit;
  if (!ajvInstance) {
    // ajv is CommonJS: under Node's ESM loader the class is a named export, inside the esbuild bundle it sits on `default`
    const mod = (await import('ajv')) as unknown as { Ajv?: typeof AjvClass; default?: { Ajv?: typeof AjvClass } };
    const Ajv = (mod.Ajv ?? mod.default?.Ajv)!;
    ajvInstance = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  }
  const schema = JSON.parse(readFileSync(rulesPath('schema', `${name}.schema.json`), 'utf8'));
  const v = ajvInstance.compile(schema);
  validators.set(name, v);
  return v;
}

/** Read, parse and validate one data file; throws DataFileError listing every problem with file:line:col. */
export async function loadValidated<T>(file: string, schema: string): Promise<T> {
  const parsed = readDataFile(file);
  return validateParsed<T>(parsed, schema);
}

export async function validateParsed<T>(parsed: ParsedDataFile, schema: string): Promise<T> {
  const v = await validatorFor(schema);
  if (!v(parsed.data)) throw new DataFileError(ajvProblems(parsed, v.errors ?? []));
  return parsed.data as T;
}

/** Read a built-in data file without validation (it is validated by the test suite); parse errors still throw. */
export function loadTrusted<T>(file: string): T {
  return readDataFile(file).data as T;
}
