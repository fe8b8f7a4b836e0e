import { listMeta } from './envelope';

const page = (offset: number, count: number, total: number, limit = 20) => ({
  items: Array.from({ length: count }, (_, i) => offset + i),
  total,
  limit,
  offset,
});

describe('listMeta', () => {
  it('copies total, limit and offset', () => {
    expect(listMeta(page(40, 5, 45, 25))).toEqual({ total: 45, limit: 25, offset: 40, hasMore: false });
  });

  it('has more when rows remain after this page', () => {
    expect(listMeta(page(0, 20, 45)).hasMore).toBe(true);
    expect(listMeta(page(20, 20, 45)).hasMore).toBe(true);
  });

  it('has no more on the last page, even when it is full', () => {
    expect(listMeta(page(40, 5, 45)).hasMore).toBe(false);
    expect(listMeta(page(20, 20, 40)).hasMore).toBe(false);
  });

  it('has no more on an empty list or past the end', () => {
    expect(listMeta(page(0, 0, 0)).hasMore).toBe(false);
    expect(listMeta(page(100, 0, 45)).hasMore).toBe(false);
  });

  it('counts the rows actually returned, not the limit', () => {
    // A short page in the middle (rows deleted meanwhile) still reports what is left.
    expect(listMeta(page(0, 3, 10)).hasMore).toBe(true);
    expect(listMeta(page(7, 3, 10)).hasMore).toBe(false);
  });
});
