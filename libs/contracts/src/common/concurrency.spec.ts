import { DomainError, ErrorCode } from './errors';
import { assertVersion, etagFor, versionFromIfMatch } from './concurrency';

describe('ETag / If-Match', () => {
  it('formats and parses strong and weak ETags', () => {
    expect(etagFor(7)).toBe('"7"');
    expect(versionFromIfMatch('"7"')).toBe(7);
    expect(versionFromIfMatch('W/"12"')).toBe(12);
    expect(versionFromIfMatch(['"3"'])).toBe(3);
  });

  it('treats absent and * as no condition', () => {
    expect(versionFromIfMatch(undefined)).toBeUndefined();
    expect(versionFromIfMatch('*')).toBeUndefined();
  });

  it('keeps every int4 version, including 0 (a period never set) and the largest', () => {
    expect(versionFromIfMatch('"0"')).toBe(0);
    expect(versionFromIfMatch('"2147483647"')).toBe(2147483647);
  });

  it.each(['"2147483648"', '"9999999999"', 'W/"99999999999999999999"'])('turns %j (beyond any int4 version) into one that never matches: 412, not 400/500', (h) => {
    const version = versionFromIfMatch(h) as number;
    expect(version).toBe(2147483647);
    expect(() => assertVersion(version, 3)).toThrow(expect.objectContaining({ code: ErrorCode.PreconditionFailed }));
  });

  it.each(['7', '"abc"', '"1", "2"', 'W/7', '"-1"', '"1.5"', `"${'9'.repeat(65)}"`])('refuses the malformed header %j with 400', (h) => {
    expect(() => versionFromIfMatch(h)).toThrow(expect.objectContaining({ code: ErrorCode.ValidationFailed }));
  });

  it('passes a matching version and refuses a stale one with PRECONDITION_FAILED', () => {
    expect(() => assertVersion(3, 3)).not.toThrow();
    expect(() => assertVersion(undefined, 3)).not.toThrow();
    try {
      assertVersion(2, 3);
      throw new Error('not thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe(ErrorCode.PreconditionFailed);
    }
  });
});
