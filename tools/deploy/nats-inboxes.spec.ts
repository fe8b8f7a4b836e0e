import { inboxPrefixFor } from '@sakip/messaging';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployableApps, natsConfUsers, ROOT } from './catalog';

/**
 * Per-service reply inboxes: libs/messaging connects with `inboxPrefix: _INBOX_<service name>`
 * and infra/nats.conf lets each user subscribe to its own `_INBOX_<user>.>` only, so no service can
 * read another's RPC replies (the token pairs auth returns to the gateway). Both sides must name
 * the same service; the server-side proof is tools/e2e/nats-permissions.e2e-spec.ts.
 */
const conf = readFileSync(join(ROOT, 'infra', 'nats.conf'), 'utf8');

/** `subscribe: { allow: [...] }` of each user block in infra/nats.conf. */
function subscribeAllows(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const blocks = text.split(/(?=^\s*user:\s*[a-z])/m).slice(1);
  for (const block of blocks) {
    const user = /user:\s*([a-z][a-z0-9_-]*)/.exec(block)![1];
    const allow = /subscribe:\s*\{\s*allow:\s*\[([^\]]*)\]/.exec(block)?.[1] ?? '';
    out.set(user, [...allow.matchAll(/"([^"]*)"/g)].map((m) => m[1]));
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('reply inboxes (infra/nats.conf and libs/messaging agree)', () => {
  const allows = subscribeAllows(conf);

  it('derives the inbox prefix from the service name, as a single subject token', () => {
    expect(inboxPrefixFor('gateway')).toBe('_INBOX_gateway');
    expect(inboxPrefixFor('a.b >*')).toBe('_INBOX_a_b___');
    expect(() => inboxPrefixFor('')).toThrow();
  });

  it('lets every user subscribe to its own _INBOX_<user>.> and to no shared or foreign inbox', () => {
    const users = [...natsConfUsers(conf).keys()];
    expect(users.length).toBeGreaterThanOrEqual(7);
    expect([...allows.keys()].sort()).toEqual([...users].sort());
    for (const [user, subjects] of allows) {
      const inboxes = subjects.filter((s) => s.startsWith('_INBOX') || s.startsWith('>') || s.startsWith('*'));
      expect({ user, inboxes }).toEqual({ user, inboxes: [`${inboxPrefixFor(user)}.>`] });
    }
  });

  describe.each(deployableApps().map((a) => [a.name, a] as const))('%s', (name, app) => {
    it('connects to NATS under the name of its NATS user, so its replies land in the inbox that user may read', () => {
      const names = filesUnder(join(ROOT, 'apps', name, 'src'))
        .filter((f) => !/\.(spec|int-spec|e2e-spec)\.ts$/.test(f))
        .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/MessagingModule\.forRoot\(\{[^}]*?\bname:\s*'([^']+)'/g)].map((m) => m[1]));
      expect(names).toEqual([app.natsUser]);
      expect(allows.get(app.natsUser)).toContain(`${inboxPrefixFor(app.natsUser)}.>`);
    });
  });
});
