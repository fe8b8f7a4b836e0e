import { pageRequest, type SortSpec } from './pagination';

const SORTABLE: SortSpec = { email: 'u.email', name: 'u.name', createdAt: 'u.created_at', id: 'u.id' };

describe('pageRequest', () => {
  it('defaults to limit 20, offset 0 and the default sort, ascending, with the tie-breaker', () => {
    expect(pageRequest({}, SORTABLE, 'email', 'u.id')).toEqual({
      limit: 20,
      offset: 0,
      orderBy: [
        { expr: 'u.email', dir: 'ASC' },
        { expr: 'u.id', dir: 'ASC' },
      ],
    });
  });

  it('keeps the limit and offset asked for', () => {
    const req = pageRequest({ limit: 5, offset: 40 }, SORTABLE, 'email', 'u.id');
    expect(req.limit).toBe(5);
    expect(req.offset).toBe(40);
  });

  it('maps the API field to its SQL expression', () => {
    expect(pageRequest({ sort: 'createdAt' }, SORTABLE, 'email', 'u.id').orderBy[0]).toEqual({ expr: 'u.created_at', dir: 'ASC' });
  });

  it('sorts descending on -field, tie-breaker included', () => {
    expect(pageRequest({ sort: '-name' }, SORTABLE, 'email', 'u.id').orderBy).toEqual([
      { expr: 'u.name', dir: 'DESC' },
      { expr: 'u.id', dir: 'DESC' },
    ]);
  });

  it('accepts a descending default sort', () => {
    expect(pageRequest({}, SORTABLE, '-createdAt', 'u.id').orderBy[0]).toEqual({ expr: 'u.created_at', dir: 'DESC' });
  });

  it('does not repeat the tie-breaker when sorting by it', () => {
    expect(pageRequest({ sort: '-id' }, SORTABLE, 'email', 'u.id').orderBy).toEqual([{ expr: 'u.id', dir: 'DESC' }]);
  });

  it.each(['password', '-password', 'u.email', 'email desc', ''])('refuses sort %p that is not in the whitelist', (sort) => {
    expect(() => pageRequest({ sort }, SORTABLE, 'email', 'u.id')).toThrow(/Unknown sort field/);
  });

  it('refuses a default sort that is not in the whitelist', () => {
    expect(() => pageRequest({}, SORTABLE, 'nope', 'u.id')).toThrow(/Unknown sort field/);
  });

  // Names inherited from Object.prototype must not pass the whitelist (ListQuery's pattern allows them).
  it.each(['constructor', 'toString', 'hasOwnProperty'])('refuses the inherited property name %p', (sort) => {
    expect(() => pageRequest({ sort }, SORTABLE, 'email', 'u.id')).toThrow(/Unknown sort field/);
  });
});
