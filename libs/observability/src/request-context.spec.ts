import { currentRequestContext, runWithRequestContext } from './request-context';

describe('request context', () => {
  it('is undefined outside any request', () => {
    expect(currentRequestContext()).toBeUndefined();
  });

  it('is visible inside, returns the result of fn, and is gone afterwards', () => {
    const result = runWithRequestContext({ requestId: 'r1' }, () => currentRequestContext()?.requestId);

    expect(result).toBe('r1');
    expect(currentRequestContext()).toBeUndefined();
  });

  it('survives awaits and timers', async () => {
    const seen = await runWithRequestContext({ requestId: 'r2' }, async () => {
      await new Promise((r) => setTimeout(r, 2));
      await Promise.resolve();
      return currentRequestContext()?.requestId;
    });

    expect(seen).toBe('r2');
  });

  it('lets an inner context shadow the outer one and restores it', () => {
    const seen: Array<string | undefined> = [];
    runWithRequestContext({ requestId: 'outer' }, () => {
      runWithRequestContext({ requestId: 'inner', userId: 'u1' }, () => seen.push(currentRequestContext()?.requestId));
      seen.push(currentRequestContext()?.requestId);
    });

    expect(seen).toEqual(['inner', 'outer']);
  });
});
