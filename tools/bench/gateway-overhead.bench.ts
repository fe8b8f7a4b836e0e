/**
 * Gateway overhead: GET /api/v1/auth/me through gateway → NATS → auth, against a plain Fastify
 * process doing the same work (verify the token, read the user), in one run, same machine.
 * Run: npm run bench:gateway   (BENCH_DURATION_SEC, BENCH_CONNECTIONS to adjust; bounded, 127.0.0.1 only)
 */
import { httpJson } from '@sakip/testing';
import { authenticator } from 'otplib';
import { fmt, freePort, spawnTs, startAuthAndGateway } from './lib/bench-stack';
import { load } from './lib/load';

const DURATION = Number(process.env['BENCH_DURATION_SEC'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const ADMIN = { email: 'bench@sakip.local', password: 'Bench-Admin-Password-1', totp: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };

async function main() {
  const s = await startAuthAndGateway({ BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password, BOOTSTRAP_ADMIN_TOTP_SECRET: ADMIN.totp });
  const basePort = await freePort();
  let baseline;
  try {
    const challenge = await httpJson(s.gatewayUrl, 'POST', '/api/v1/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } });
    const pair = await httpJson(s.gatewayUrl, 'POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: challenge.body.data.mfaToken, code: authenticator.generate(ADMIN.totp) } });
    const token = pair.body.data.accessToken as string;
    baseline = await spawnTs(
      'tools/bench/baseline/plain-me-server.ts',
      { PORT: String(basePort), BENCH_JWKS_URL: `${s.gatewayUrl}/.well-known/jwks.json`, BENCH_DATABASE_URL: s.stack.db.urlFor('sakip_auth') },
      `http://127.0.0.1:${basePort}/health`,
    );
    const headers = { authorization: `Bearer ${token}` };
    // Warm both paths (JIT, pools, caches) before measuring.
    await load('warm-up', { url: `${s.gatewayUrl}/api/v1/auth/me`, headers, connections: CONNECTIONS, durationSec: 2 });
    await load('warm-up', { url: `http://127.0.0.1:${basePort}/me`, headers, connections: CONNECTIONS, durationSec: 2 });
    const direct = await load('plain Fastify (same work, one process)', { url: `http://127.0.0.1:${basePort}/me`, headers, connections: CONNECTIONS, durationSec: DURATION });
    const viaGateway = await load('gateway → NATS → auth', { url: `${s.gatewayUrl}/api/v1/auth/me`, headers, connections: CONNECTIONS, durationSec: DURATION });

    console.log(`\nGET /auth/me, ${CONNECTIONS} connections, ${DURATION}s each (2 cores shared by load generator and services)`);
    console.log('| path | req/s | p50 ms | p99 ms | errors | non-2xx |');
    console.log('|---|---|---|---|---|---|');
    for (const r of [direct, viaGateway]) console.log(`| ${r.label} | ${fmt(r.rps, 0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
    console.log(`\nratio gateway/plain: throughput ${fmt(viaGateway.rps / direct.rps, 2)}×, p99 ${fmt(viaGateway.p99 / Math.max(direct.p99, 1), 2)}×`);
  } finally {
    baseline?.kill('SIGTERM');
    await s.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
