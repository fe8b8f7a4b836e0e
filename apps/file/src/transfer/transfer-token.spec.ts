import { TransferTokens, type TransferGrant } from './transfer-token';

describe('TransferTokens', () => {
  let now = 1_750_000_000_000;
  const tokens = new TransferTokens('x'.repeat(40), () => now);
  const grant = (exp = Math.floor(now / 1000) + 60): TransferGrant => ({
    purpose: 'upload',
    fileId: '0190a000-0000-7000-8000-000000000001',
    sub: '0190a000-0000-7000-8000-000000000002',
    actor: 'user:0190a000-0000-7000-8000-000000000002',
    ip: null,
    opdId: null,
    name: 'LKjIP 2024 – final.pdf',
    exp,
  });

  it('verifies what it signed, for that purpose only', () => {
    const t = tokens.sign(grant());
    expect(t).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const v = tokens.verify(t, 'upload');
    expect(v).toEqual({ ok: true, grant: grant() });
    expect(tokens.verify(t, 'download')).toEqual({ ok: false, reason: 'wrong-purpose' });
  });

  it('refuses an expired token', () => {
    const t = tokens.sign(grant(Math.floor(now / 1000) + 60));
    now += 61_000;
    expect(tokens.verify(t, 'upload')).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a tampered payload or signature, and another key', () => {
    const t = tokens.sign(grant());
    const [payload, mac] = t.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...grant(), fileId: '0190a000-0000-7000-8000-000000000009' })).toString('base64url');
    expect(tokens.verify(`${forged}.${mac}`, 'upload')).toEqual({ ok: false, reason: 'bad-signature' });
    expect(tokens.verify(`${payload}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, 'upload')).toEqual({ ok: false, reason: 'bad-signature' });
    expect(new TransferTokens('y'.repeat(40), () => now).verify(t, 'upload')).toEqual({ ok: false, reason: 'bad-signature' });
    expect(tokens.verify('not-a-token', 'upload')).toEqual({ ok: false, reason: 'malformed' });
  });
});
