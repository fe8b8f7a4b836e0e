import { Metrics } from './metrics';

describe('Metrics', () => {
  it('lets several instances live in one process (no duplicate registration)', () => {
    expect(() => {
      new Metrics('x');
      new Metrics('x');
      new Metrics('y', false);
    }).not.toThrow();
  });

  it('keeps each instance in its own registry, labelled with its service', async () => {
    const a = new Metrics('auth', false);
    const b = new Metrics('gateway', false);

    a.httpDuration.observe({ method: 'GET', route: '/users', status: '200' }, 0.02);
    a.breakerState.set({ downstream: 'core' }, 2);

    const valuesOf = async (m: Metrics, name: string) =>
      (await m.registry.getMetricsAsJSON()).find((x) => x.name === name)?.values.map((v) => ({ ...v.labels, value: v.value, metric: (v as { metricName?: string }).metricName })) ?? [];

    expect(await valuesOf(a, 'http_request_duration_seconds')).toContainEqual({
      service: 'auth',
      method: 'GET',
      route: '/users',
      status: '200',
      value: 1,
      metric: 'http_request_duration_seconds_count',
    });
    expect(await valuesOf(a, 'circuit_breaker_state')).toEqual([{ service: 'auth', downstream: 'core', value: 2, metric: undefined }]);
    expect(await valuesOf(b, 'http_request_duration_seconds')).toEqual([]);
    expect(await valuesOf(b, 'circuit_breaker_state')).toEqual([]);
  });

  it('registers the application metrics, and process metrics unless disabled', async () => {
    const names = (m: Metrics) => m.registry.getMetricsAsArray().map((x) => x.name);

    const bare = names(new Metrics('x', false));
    expect(bare.sort()).toEqual(
      ['circuit_breaker_state', 'events_dead_lettered_total', 'events_published_total', 'http_request_duration_seconds', 'rpc_duration_seconds'].sort(),
    );
    expect(names(new Metrics('x'))).toEqual(expect.arrayContaining([...bare, 'process_cpu_seconds_total', 'nodejs_heap_size_used_bytes']));
  });
});
