import { DomainError, ErrorCode } from '@sakip/contracts';
import { decodeIdCursor, encodeIdCursor } from './keyset-cursor';
import { uuidv7 } from './uuid';

describe('id cursors', () => {
  it('round-trips the last id of a page', () => {
    const id = uuidv7();
    expect(decodeIdCursor(encodeIdCursor(id))).toBe(id);
  });

  it('reads an absent cursor as the first page', () => {
    expect(decodeIdCursor(undefined)).toBeNull();
  });

  it('is opaque: no raw id in the cursor', () => {
    const id = uuidv7();
    expect(encodeIdCursor(id)).not.toContain(id);
  });

  it.each(['', 'not-base64!', Buffer.from('{"v":1,"after":"x"}').toString('base64url'), Buffer.from('{"v":2,"after":"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"}').toString('base64url'), Buffer.from('[]').toString('base64url')])(
    'refuses the tampered cursor %p with VALIDATION_FAILED on field cursor',
    (cursor) => {
      const err = (() => {
        try {
          decodeIdCursor(cursor);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe(ErrorCode.ValidationFailed);
      expect((err as DomainError).details[0]?.field).toBe('cursor');
    },
  );
});
