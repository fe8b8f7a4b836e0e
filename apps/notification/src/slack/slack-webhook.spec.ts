import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterFailure } from '../mail/retry-policy';
import { SlackWebhook, slackText } from './slack-webhook';

/** Against a tiny in-test HTTP server standing in for the webhook. */
describe('SlackWebhook', () => {
  let server: Server;
  let url: string;
  let status = 200;
  const bodies: unknown[] = [];
  const retry = { maxAttempts: 5, baseMs: 10, maxMs: 100 };
  const failure = async (p: Promise<void>) => p.then(() => null, (e: unknown) => e);

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push({ contentType: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        res.writeHead(status).end(status === 200 ? 'ok' : 'no');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('posts {text} as JSON', async () => {
    status = 200;
    await new SlackWebhook(url, 2000).post(slackText('Sinkronisasi SIPD gagal', 'detail'));
    expect(bodies.at(-1)).toEqual({ contentType: 'application/json', body: { text: '*Sinkronisasi SIPD gagal*\ndetail' } });
  });

  it('retries a 5xx or 429 and dead-letters another 4xx at once', async () => {
    status = 503;
    expect(afterFailure(1, await failure(new SlackWebhook(url, 2000).post('x')), retry).dead).toBe(false);
    status = 429;
    expect(afterFailure(1, await failure(new SlackWebhook(url, 2000).post('x')), retry).dead).toBe(false);
    status = 404;
    expect(afterFailure(1, await failure(new SlackWebhook(url, 2000).post('x')), retry).dead).toBe(true);
  });

  it('retries when nothing answers', async () => {
    const down = new SlackWebhook('http://127.0.0.1:1/hook', 500);
    expect(afterFailure(1, await failure(down.post('x')), retry).dead).toBe(false);
  });
});
