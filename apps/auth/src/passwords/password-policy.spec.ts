import { DomainError } from '@sakip/contracts';
import { assertPasswordPolicy, passwordProblem } from './password-policy';

describe('password policy', () => {
  it.each([
    ['short', 'must be 12–128 characters'],
    ['x'.repeat(129), 'must be 12–128 characters'],
    ['qwerty123456', 'is too common'],
    ['1qaz2wsx3edc', 'is too common'],
    ['Password1234!', 'is too common'],
    ['sunshine2026', 'is too common'],
    ['aaaaaaaaaaaa', 'uses too few different characters'],
  ])('refuses %j (%s)', (pw, reason) => {
    expect(passwordProblem(pw)).toBe(reason);
  });

  it('refuses a password containing the e-mail name', () => {
    expect(passwordProblem('budi.santoso-2026', 'budi.santoso@pemda.go.id')).toBe('must not contain your e-mail name');
  });

  it.each(['Kinerja-Daerah-2026', 'correct horse battery staple', 'Tr0ub4dor&3-Sakip'])('accepts %j', (pw) => {
    expect(passwordProblem(pw, 'someone@pemda.go.id')).toBeNull();
  });

  it('throws VALIDATION_FAILED naming the field', () => {
    try {
      assertPasswordPolicy('qwerty123456', 'newPassword');
      throw new Error('not thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).details).toEqual([{ field: 'newPassword', message: 'password is too common' }]);
    }
  });
});
