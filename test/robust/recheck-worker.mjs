// Checks regular expressions with recheck (ReDoS) in a process of its own, so that test/robust/regex.test.ts can
// run several at once: stdin is a JSON array of {source, flags}, stdout the JSON array of verdicts, in order.
// The native backend (recheck-linux-x64 ...) answers in milliseconds; without it recheck falls back to its
// pure-JS backend (slower, same answers). RECHECK_TIMEOUT_MS bounds each check (default 10 s).
process.env.RECHECK_BACKEND ??= 'auto';
const { checkSync } = await import('recheck');

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const items = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const timeout = Number(process.env.RECHECK_TIMEOUT_MS ?? 10000);
const out = [];
for (const { source, flags } of items) {
  const t0 = Date.now();
  let v;
  try {
    v = checkSync(source, flags, { timeout });
  } catch (e) {
    v = { status: 'unknown', error: { kind: 'exception', message: String(e?.message ?? e) } };
  }
  out.push({
    status: v.status,
    complexity: v.complexity ? { type: v.complexity.type, degree: v.complexity.degree ?? null } : null,
    attack: v.attack ? String(v.attack.pattern ?? '').slice(0, 200) : null,
    hotspot: Array.isArray(v.hotspot) ? v.hotspot.map((h) => [h.start, h.end]).slice(0, 4) : null,
    error: v.error ? String(v.error.kind ?? '') + (v.error.message ? `: ${v.error.message}` : '') : null,
    ms: Date.now() - t0,
  });
}
process.stdout.write(JSON.stringify(out));
