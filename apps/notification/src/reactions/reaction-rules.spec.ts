import { CORE_EVENTS, INTEGRATION_EVENTS, REPORT_EVENTS, Role, type SakipEventEnvelope } from '@sakip/contracts';
import { reactionTo } from './reaction-rules';

const OPD = '0190a1b2-0000-7000-8000-000000000001';
const USER = '0190a1b2-0000-7000-8000-0000000000aa';
const envelope = (subject: string, data: Record<string, unknown>) => ({ id: 'e1', subject, occurredAt: '2025-01-01T00:00:00Z', producer: 'core', data }) as unknown as SakipEventEnvelope;

describe('reactionTo', () => {
  it('sends a submission to every evaluator', () => {
    expect(reactionTo(envelope(CORE_EVENTS.achievementSubmitted, { opdId: OPD }))).toEqual({ type: 'achievement.submitted', to: { roles: [Role.Evaluator] } });
  });

  it('sends returned and verified to the admins of that OPD (Pemda rows: super_admins)', () => {
    expect(reactionTo(envelope(CORE_EVENTS.achievementReturned, { opdId: OPD }))).toEqual({ type: 'achievement.returned', to: { roles: [Role.AdminOpd], opdId: OPD } });
    expect(reactionTo(envelope(CORE_EVENTS.achievementVerified, { opdId: OPD }))?.to).toEqual({ roles: [Role.AdminOpd], opdId: OPD });
    expect(reactionTo(envelope(CORE_EVENTS.achievementVerified, { opdId: null }))?.to).toEqual({ roles: [Role.SuperAdmin] });
  });

  it('ignores a lock and subjects it does not know', () => {
    expect(reactionTo(envelope(CORE_EVENTS.achievementLocked, { opdId: OPD }))).toBeNull();
    expect(reactionTo(envelope(CORE_EVENTS.indicatorChanged, { opdId: OPD }))).toBeNull();
  });

  it('sends a published evaluation to the OPD\'s admin_opd and viewer users', () => {
    expect(reactionTo(envelope(CORE_EVENTS.evaluationPublished, { opdId: OPD }))).toEqual({ type: 'evaluation.published', to: { roles: [Role.AdminOpd, Role.Viewer], opdId: OPD } });
  });

  it('sends a report outcome to the user who ordered it, nobody for an API key', () => {
    expect(reactionTo(envelope(REPORT_EVENTS.reportCompleted, { requestedBy: `user:${USER}` }))).toEqual({ type: 'report.completed', to: { userId: USER } });
    expect(reactionTo(envelope(REPORT_EVENTS.reportFailed, { requestedBy: `user:${USER}` }))?.type).toBe('report.failed');
    expect(reactionTo(envelope(REPORT_EVENTS.reportFailed, { requestedBy: 'apikey:k1' }))).toBeNull();
  });

  it('sends a failed sync to the super_admins', () => {
    expect(reactionTo(envelope(INTEGRATION_EVENTS.syncFailed, {}))).toEqual({ type: 'sync.failed', to: { roles: [Role.SuperAdmin] } });
  });
});
