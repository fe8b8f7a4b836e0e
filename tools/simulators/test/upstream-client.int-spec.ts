import { Breakers } from '../../../apps/integration-sync/src/connectors/breakers';
import { UpstreamClient, UpstreamError } from '../../../apps/integration-sync/src/connectors/upstream-client';
import { AllowedHosts } from '../../../apps/integration-sync/src/integrations/base-url-guard';
import { IntegrationSimulator, SIMULATOR_CREDENTIALS, sipdRows } from '../integration-simulator';

/** The upstream client against the simulator: latency within the timeout, the breaker opening and failing fast, SSRF at connect time. */
describe('UpstreamClient against the simulator', () => {
  const sim = new IntegrationSimulator({ sipd: { 2026: sipdRows([{ code: '1.02.01.2.01.0001' }], 2026) }, units: [], employees: [] });
  const breakers = new Breakers();
  const client = (id: string, allowed = '127.0.0.1', timeoutMs = 300) =>
    new UpstreamClient({ baseUrl: `${sim.url}/sipd`, headers: { authorization: `Bearer ${SIMULATOR_CREDENTIALS.apiKey}` }, timeoutMs, retries: 0, retryBaseMs: 10, allowed: new AllowedHosts(allowed), breaker: breakers.for(id) });

  beforeAll(async () => {
    await sim.start();
  });

  afterAll(async () => {
    await sim.stop();
  });

  beforeEach(() => sim.calm());

  it('waits out a slow upstream within its timeout, and gives up beyond it', async () => {
    sim.behaviour.latencyMs = 100;
    await expect(client('slow').getJson('sub-kegiatan', { tahun: 2026, page: 1 })).resolves.toMatchObject({ meta: { page: 1 } });
    sim.behaviour.latencyMs = 500;
    await expect(client('slower').getJson('sub-kegiatan', { tahun: 2026, page: 1 })).rejects.toMatchObject({ retryable: true, message: expect.stringMatching(/no answer within 300 ms/) });
  });

  it('opens the breaker after repeated 5xx and then fails at once without calling the upstream', async () => {
    sim.behaviour.failNext = 100;
    const c = client('flaky');
    for (let i = 0; i < 5; i++) await expect(c.getJson('sub-kegiatan', { tahun: 2026 })).rejects.toBeInstanceOf(UpstreamError);
    expect(breakers.state('flaky')).toBe('open');
    const before = sim.requests.length;
    await expect(c.getJson('sub-kegiatan', { tahun: 2026 })).rejects.toMatchObject({ retryable: false, message: expect.stringMatching(/circuit breaker open/) });
    expect(sim.requests.length).toBe(before);
    // Another integration's breaker is its own.
    sim.calm();
    await expect(client('healthy').getJson('sub-kegiatan', { tahun: 2026 })).resolves.toBeDefined();
  });

  it('refuses at connect time a host that is not allow-listed and resolves to a private address', async () => {
    const before = sim.requests.length;
    await expect(client('ssrf', 'sipd.example.go.id').getJson('sub-kegiatan', { tahun: 2026 })).rejects.toMatchObject({ retryable: false, message: expect.stringMatching(/not a public address/) });
    expect(sim.requests.length).toBe(before);
  });
});
