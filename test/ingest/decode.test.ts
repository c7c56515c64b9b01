import { decode } from '../../src/ingest/index.js';
import { firstInvalidUtf8 } from '../../src/ingest/decode.js';

describe('decode', () => {
  test('UTF-8 without BOM', () => {
    const r = decode(Buffer.from('Caf\u00e9 – 5 000 €', 'utf8'), 'a.txt');
    expect(r.text).toBe('Caf\u00e9 – 5 000 €');
    expect(r.errors).toEqual([]);
  });

  test('UTF-8 BOM is kept as char 0 (offsets count it, as Python does)', () => {
    const r = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('abc')]), 'a.txt');
    expect(r.text).toBe('\ufeffabc');
    expect(r.text.length).toBe(4);
  });

  test('UTF-16LE and UTF-16BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('héllo 😀', 'utf16le')]);
    expect(decode(le, 'a.txt').text).toBe('\ufeffhéllo 😀');
    const beBody = Buffer.from('héllo', 'utf16le');
    for (let i = 0; i < beBody.length; i += 2) [beBody[i], beBody[i + 1]] = [beBody[i + 1]!, beBody[i]!];
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]);
    const r = decode(be, 'a.txt');
    expect(r.text).toBe('\ufeffhéllo');
    expect(r.errors).toEqual([]);
  });

  test('invalid UTF-8: a decode error naming the byte offset, and a lossy text', () => {
    const buf = Buffer.concat([Buffer.from('good text '), Buffer.from([0xc3, 0x28]), Buffer.from(' more')]);
    const r = decode(buf, 'bad.txt');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.code).toBe('decode');
    expect(r.errors[0]!.message).toMatch(/bad\.txt.*byte 10\b/);
    expect(r.text).toContain('good text');
    expect(r.text).toContain('\ufffd');
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1); // truncated sequence
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // encoded surrogate
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0); // overlong
  });

  test('NUL bytes in the first 8 KB: binary, no text', () => {
    const r = decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'x.png');
    expect(r.text).toBe('');
    expect(r.errors.map((e) => e.code)).toEqual(['binary']);
  });

  test('empty and whitespace-only files', () => {
    expect(decode(Buffer.alloc(0), 'e.txt').errors.map((e) => e.code)).toEqual(['empty']);
    expect(decode(Buffer.from(' \n\t\r\n'), 'e.txt').errors.map((e) => e.code)).toEqual(['empty']);
    expect(decode(Buffer.from([0xef, 0xbb, 0xbf, 0x0a]), 'e.txt').errors.map((e) => e.code)).toEqual(['empty']);
  });

  test('an HTML page declaring a legacy charset is decoded with it', () => {
    const page = Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>caf\xe9 \x80 5</p></body></html>', 'latin1');
    const r = decode(page, 'old.html');
    expect(r.errors).toEqual([]);
    expect(r.text).toContain('café € 5');
  });
});
