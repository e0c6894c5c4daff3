import { stepTimeFormat } from './step-time';

const NEW_YEAR = Date.UTC(2026, 0, 1, 0, 59, 0);

describe('stepTimeFormat', () => {
  it('writes UTC times with a Z', () => {
    expect(stepTimeFormat('UTC')(NEW_YEAR)).toBe('2026-01-01 00:59:00Z');
    expect(stepTimeFormat('utc')(NEW_YEAR)).toBe('2026-01-01 00:59:00Z');
  });

  it('follows an IANA zone, offset included', () => {
    expect(stepTimeFormat('America/New_York')(NEW_YEAR)).toBe('2025-12-31 19:59:00-05:00');
    expect(stepTimeFormat('Asia/Kolkata')(NEW_YEAR)).toBe('2026-01-01 06:29:00+05:30');
  });
});
