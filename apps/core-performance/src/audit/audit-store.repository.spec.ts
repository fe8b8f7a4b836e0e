import { userIdOfActor } from './audit-store.repository';

describe('userIdOfActor', () => {
  it('takes the user id of user:<uuid> actors only', () => {
    expect(userIdOfActor('user:0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B')).toBe('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    expect(userIdOfActor('apikey:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toBeNull();
    expect(userIdOfActor('system:integration')).toBeNull();
    expect(userIdOfActor('anonymous')).toBeNull();
    expect(userIdOfActor('user:not-a-uuid')).toBeNull();
  });
});
