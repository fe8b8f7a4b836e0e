import { directMailType, hasDirectTemplate, isDirectMailType, renderDirectMail } from './mail-templates';

describe('direct mail templates', () => {
  const vars = { name: 'Budi', token: 'tok-123', expiresAt: '2026-11-24T02:30:00.000Z' };

  it.each([
    ['id', 'Atur ulang kata sandi SAKIP', 'Halo Budi'],
    ['en', 'Reset your SAKIP password', 'Hello Budi'],
  ] as const)('renders password_reset in %s with the token and its expiry', (lang, title, greeting) => {
    const m = renderDirectMail(directMailType('password_reset'), lang, vars);
    expect(m.title).toBe(title);
    expect(m.body).toContain(greeting);
    expect(m.body).toContain('tok-123');
    expect(m.body).toContain(vars.expiresAt);
  });

  it('prefers a reset URL over the bare token when the caller gives one', () => {
    expect(renderDirectMail('mail.password_reset', 'en', { ...vars, resetUrl: 'https://sakip.test/reset#t=abc' }).body).toContain('https://sakip.test/reset#t=abc');
  });

  it('knows which delivery types are direct mails and which templates exist', () => {
    expect(isDirectMailType('mail.password_reset')).toBe(true);
    expect(isDirectMailType('sync.failed')).toBe(false);
    expect(hasDirectTemplate('password_reset')).toBe(true);
    expect(hasDirectTemplate('mfa_reset')).toBe(false);
  });
});
