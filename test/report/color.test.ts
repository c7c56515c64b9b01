import { shouldColor } from '../../src/report/index.js';

describe('shouldColor', () => {
  const tty = { isTTY: true, env: {} as NodeJS.ProcessEnv };
  const pipe = { isTTY: false, env: {} as NodeJS.ProcessEnv };

  test('colours on a TTY, not in a pipe or file', () => {
    expect(shouldColor(tty)).toBe(true);
    expect(shouldColor(pipe)).toBe(false);
  });

  test('NO_COLOR with any non-empty value disables; empty NO_COLOR does not', () => {
    expect(shouldColor({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(shouldColor({ isTTY: true, env: { NO_COLOR: 'false' } })).toBe(false);
    expect(shouldColor({ isTTY: true, env: { NO_COLOR: '' } })).toBe(true);
  });

  test('--no-color disables even when forced by the environment', () => {
    expect(shouldColor({ flag: false, isTTY: true, env: {} })).toBe(false);
    expect(shouldColor({ flag: false, isTTY: true, env: { FORCE_COLOR: '1' } })).toBe(false);
  });

  test('--color forces colour in a pipe and over NO_COLOR', () => {
    expect(shouldColor({ flag: true, isTTY: false, env: {} })).toBe(true);
    expect(shouldColor({ flag: true, isTTY: false, env: { NO_COLOR: '1' } })).toBe(true);
  });

  test('FORCE_COLOR forces colour in a pipe; FORCE_COLOR=0/false disables on a TTY', () => {
    expect(shouldColor({ isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(shouldColor({ isTTY: false, env: { FORCE_COLOR: '' } })).toBe(true);
    expect(shouldColor({ isTTY: true, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(shouldColor({ isTTY: true, env: { FORCE_COLOR: 'false' } })).toBe(false);
  });

  test('a dumb terminal gets no colour', () => {
    expect(shouldColor({ isTTY: true, env: { TERM: 'dumb' } })).toBe(false);
  });
});
