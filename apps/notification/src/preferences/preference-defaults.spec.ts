import { defaultEnabled } from './preference-defaults';

describe('defaultEnabled', () => {
  it('keeps in-app on for every type and mails workflow events only', () => {
    expect(defaultEnabled('report.completed', 'in_app')).toBe(true);
    expect(defaultEnabled('achievement.submitted', 'email')).toBe(true);
    expect(defaultEnabled('evaluation.published', 'email')).toBe(true);
    expect(defaultEnabled('report.completed', 'email')).toBe(false);
  });
});
