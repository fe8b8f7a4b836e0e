import { randomUUID } from 'node:crypto';
import { isUuid, isUuidV7, uuidv7 } from './uuid';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds since the epoch held in the first 48 bits of a v7 UUID. */
const timestampOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('uuidv7', () => {
  it('produces RFC 9562 version-7 UUIDs', () => {
    const id = uuidv7();

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUuidV7(id)).toBe(true);
  });

  it('embeds the creation time', () => {
    const before = Date.now();
    const id = uuidv7();
    const after = Date.now();

    expect(timestampOf(id)).toBeGreaterThanOrEqual(before);
    expect(timestampOf(id)).toBeLessThanOrEqual(after);
  });

  it('is unique and sorts in creation order within one millisecond', () => {
    const ids = Array.from({ length: 500 }, () => uuidv7());

    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('sorts in creation order across milliseconds', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(uuidv7());
      await sleep(2);
    }

    expect([...ids].sort()).toEqual(ids);
    expect(timestampOf(ids[4]!)).toBeGreaterThan(timestampOf(ids[0]!));
  });
});

describe('isUuid / isUuidV7', () => {
  it('accepts any UUID, but only v7 as v7', () => {
    const v4 = randomUUID();

    expect(isUuid(v4)).toBe(true);
    expect(isUuidV7(v4)).toBe(false);
    expect(isUuid(uuidv7())).toBe(true);
  });

  it.each([undefined, null, 42, {}, '', 'not-a-uuid', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5', '0190a1b2c3d47e5f8a9b0c1d2e3f4a5b', "' OR 1=1 --"])(
    'refuses %p',
    (value) => {
      expect(isUuid(value)).toBe(false);
      expect(isUuidV7(value)).toBe(false);
    },
  );
});
