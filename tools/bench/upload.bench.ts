/**
 * Uploads: 10 MiB files through gateway → file service (streamed, sniffed, hashed, stored on local
 * disk) against writing the same bytes to a file in the same run; then the gateway's RSS while 20
 * uploads run at once (it streams, so it should not grow by 20 × 10 MiB).
 * Run: npm run bench:upload   (BENCH_UPLOADS to adjust; 127.0.0.1 only)
 */
import 'reflect-metadata';
import { httpJson } from '@sakip/testing';
import { authenticator } from 'otplib';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fmt, startBenchStack } from './lib/bench-stack';

const UPLOADS = Number(process.env['BENCH_UPLOADS'] ?? 10);
const CONCURRENT = 20;
const SIZE = 10 * 1024 * 1024;
const ADMIN = { email: 'bench@sakip.local', password: 'Bench-Admin-Password-1', totp: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function main() {
  const s = await startBenchStack({ BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password, BOOTSTRAP_ADMIN_TOTP_SECRET: ADMIN.totp }, { file: true });
  const scratch = await mkdtemp(join(tmpdir(), 'sakip-bench-disk-'));
  try {
    const challenge = await httpJson(s.gatewayUrl, 'POST', '/api/v1/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } });
    const pair = await httpJson(s.gatewayUrl, 'POST', '/api/v1/auth/mfa/verify', { body: { mfaToken: challenge.body.data.mfaToken, code: authenticator.generate(ADMIN.totp) } });
    const token = pair.body.data.accessToken as string;
    // A PDF by its magic bytes; the rest random so nothing compresses.
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(SIZE - 9)]);
    const blob = new Blob([bytes], { type: 'application/pdf' });
    const upload = async (i: number) => {
      const form = new FormData();
      form.append('file', blob, `bench-${i}.pdf`);
      const res = await fetch(`${s.gatewayUrl}/api/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      if (res.status !== 201) throw new Error(`upload ${i}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    const pid = s.gateway?.pid;
    if (!pid) throw new Error('no gateway process');
    const fresh = rssMiB(pid);
    await upload(-1); // warm-up

    let t = performance.now();
    for (let i = 0; i < UPLOADS; i++) await writeFile(join(scratch, `f${i}`), bytes);
    const diskSec = (performance.now() - t) / 1000;
    t = performance.now();
    for (let i = 0; i < UPLOADS; i++) await upload(i);
    const gatewaySec = (performance.now() - t) / 1000;

    const idle = rssMiB(pid);
    let peak = idle;
    let samples = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMiB(pid));
      samples++;
    }, 20);
    t = performance.now();
    await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => upload(1000 + i)));
    const concurrentSec = (performance.now() - t) / 1000;
    clearInterval(sampler);

    const mib = (UPLOADS * SIZE) / 1024 / 1024;
    console.log(`\n${UPLOADS} sequential uploads of 10 MiB, then ${CONCURRENT} at once (2 cores shared by client, gateway, auth and file service)`);
    console.log('| path | MiB/s | ms per file |');
    console.log('|---|---|---|');
    console.log(`| fs.writeFile to local disk | ${fmt(mib / diskSec)} | ${fmt((diskSec * 1000) / UPLOADS)} |`);
    console.log(`| POST /api/v1/files → gateway → file service → disk | ${fmt(mib / gatewaySec)} | ${fmt((gatewaySec * 1000) / UPLOADS)} |`);
    console.log(`\nratio gateway/disk throughput: ${fmt(diskSec / gatewaySec, 2)}×`);
    console.log(`${CONCURRENT} concurrent uploads (${CONCURRENT * 10} MiB) in ${fmt(concurrentSec, 2)} s; gateway RSS before any upload ${fmt(fresh)} MiB, before the burst ${fmt(idle)} MiB, peak during it ${fmt(peak)} MiB (+${fmt(peak - idle)} MiB; ${samples} samples)`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await s.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
