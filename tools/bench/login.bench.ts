/**
 * Login cost: POST /api/v1/auth/login (argon2id m=19456 KiB, t=2, p=1 — OWASP's minimum) through
 * the gateway, against a bare argon2id verify loop with the same parameters and concurrency, in
 * one run. Run: npm run bench:login
 */
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { httpJson } from '@sakip/testing';
import { authenticator } from 'otplib';
import { fmt, startAuthAndGateway } from './lib/bench-stack';
import { load } from './lib/load';

const DURATION = Number(process.env['BENCH_DURATION_SEC'] ?? 10);
const CONCURRENCY = Number(process.env['BENCH_CONNECTIONS'] ?? 8);
const PARAMS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };
const ADMIN = { email: 'bench@sakip.local', password: 'Bench-Admin-Password-1', totp: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };
const USER = { email: 'login-bench@sakip.local', password: 'Kinerja-Masuk-Uji-2026' };

async function bareVerifyLoop(): Promise<{ rps: number; p99: number; total: number }> {
  const h = await hash(USER.password, PARAMS);
  const latencies: number[] = [];
  const end = Date.now() + DURATION * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await verify(h, USER.password);
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / DURATION, p99: latencies[Math.floor(latencies.length * 0.99)], total: latencies.length };
}

async function main() {
  const s = await startAuthAndGateway({ BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password, BOOTSTRAP_ADMIN_TOTP_SECRET: ADMIN.totp });
  try {
    const challenge = await httpJson(s.gatewayUrl, 'POST', '/api/v1/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } });
    const admin = await httpJson(s.gatewayUrl, 'POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: challenge.body.data.mfaToken, code: authenticator.generate(ADMIN.totp) } });
    const created = await httpJson(s.gatewayUrl, 'POST', '/api/v1/users', { token: admin.body.data.accessToken, body: { ...USER, name: 'Bench', role: 'evaluator' } });
    if (created.status !== 201) throw new Error(`user create failed: ${created.text}`);

    const bare = await bareVerifyLoop();
    const body = JSON.stringify(USER);
    const viaGateway = await load('login via gateway', { url: `${s.gatewayUrl}/api/v1/auth/login`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONCURRENCY, durationSec: DURATION });

    console.log(`\nargon2id m=${PARAMS.memoryCost} KiB t=${PARAMS.timeCost} p=${PARAMS.parallelism}; concurrency ${CONCURRENCY}; ${DURATION}s each`);
    console.log('| path | per second | p99 ms | total | errors/non-2xx |');
    console.log('|---|---|---|---|---|');
    console.log(`| bare argon2id verify loop | ${fmt(bare.rps)} | ${fmt(bare.p99)} | ${bare.total} | – |`);
    console.log(`| POST /auth/login via gateway | ${fmt(viaGateway.rps)} | ${viaGateway.p99} | ${viaGateway.total} | ${viaGateway.errors}/${viaGateway.non2xx} |`);
    console.log(`\nratio login/bare verify: throughput ${fmt(viaGateway.rps / bare.rps, 2)}×, p99 ${fmt(viaGateway.p99 / bare.p99, 2)}×`);
  } finally {
    await s.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
