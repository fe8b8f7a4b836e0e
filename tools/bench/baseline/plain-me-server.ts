/**
 * Baseline for the gateway-overhead bench: one Fastify process doing what GET /auth/me does end
 * to end — verify the ES256 token against the same key set, read the user from PostgreSQL —
 * without the gateway → NATS → auth hop.
 */
import Fastify from 'fastify';
import { verify } from 'jsonwebtoken';
import { createPublicKey } from 'node:crypto';
import { Pool } from 'pg';

async function main() {
  const jwks = (await (await fetch(String(process.env['BENCH_JWKS_URL']))).json()) as { keys: Array<{ kid: string } & Record<string, unknown>> };
  const keys = new Map(jwks.keys.map((k) => [k.kid, createPublicKey({ key: k as never, format: 'jwk' }).export({ format: 'pem', type: 'spki' }).toString()]));
  const pool = new Pool({ connectionString: process.env['BENCH_DATABASE_URL'], max: 10 });
  const app = Fastify();
  app.get('/me', async (req, reply) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const kid = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid as string;
    const key = keys.get(kid);
    if (!key) return reply.status(401).send({ ok: false });
    const claims = verify(token, key, { algorithms: ['ES256'], issuer: 'sakip-auth', audience: 'sakip-api' }) as { sub: string };
    const { rows } = await pool.query('SELECT id, email, name, role, opd_id, mfa_enabled, must_change_password FROM auth.users WHERE id = $1', [claims.sub]);
    const u = rows[0];
    if (!u) return reply.status(401).send({ ok: false });
    return { ok: true, data: { id: u.id, email: u.email, name: u.name, role: u.role, opdId: u.opd_id, mfaEnabled: u.mfa_enabled, mustChangePassword: u.must_change_password } };
  });
  app.get('/health', async () => ({ ok: true }));
  await app.listen({ port: Number(process.env['PORT']), host: '127.0.0.1' });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
