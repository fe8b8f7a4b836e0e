/**
 * Renders a few report pages to PNG for a human to look at (not part of npm test: it needs
 * pdftoppm from Debian's poppler-utils). Boots the stack in-process on the demo Pemda, orders
 * LKjIP, PK and Rencana Aksi PDFs, and writes <dir>/<type>-<page>.png.
 * Run: node -r @swc-node/register tools/testing/render-report-preview.ts [dir] [--lang en]
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDemo } from '../demo/load-demo';
import { E2eStack } from '../e2e/stack';
import buildTemplate from './build-template';

async function main() {
  const dir = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '/tmp/sakip-report-preview';
  const language = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : 'id';
  mkdirSync(dir, { recursive: true });
  await buildTemplate();
  const s = await E2eStack.start({ LOG_LEVEL: 'error' }, {}, { core: true, file: true, report: true, seed: async (st) => void (await loadDemo({ opds: 2, databaseUrl: st.db.urlFor('sakip_core') })) });
  try {
    const token = (await s.loginAdmin()).accessToken;
    const [opd] = await s.sql<{ id: string }>(`SELECT id FROM core.opds ORDER BY code LIMIT 1`);
    if (!opd) throw new Error('the demo has no OPD');
    for (const type of ['lkjip', 'pk', 'iku', 'rencana-aksi', 'capaian']) {
      const id = (await s.http('POST', '/api/v1/reports', { token, body: { type, format: 'pdf', year: 2025, opdId: opd.id, language } })).body.data.id as string;
      for (;;) {
        const status = (await s.http('GET', `/api/v1/reports/${id}`, { token })).body.data.status as string;
        if (status === 'done') break;
        if (status === 'failed') throw new Error(`${type} failed`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const pdf = Buffer.from(await (await fetch(`${s.base}/api/v1/reports/${id}/download`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
      const file = join(dir, `${type}.pdf`);
      writeFileSync(file, pdf);
      execFileSync('pdftoppm', ['-png', '-r', '60', file, join(dir, type)]);
      console.log(`${type}: ${file}`);
    }
  } finally {
    await s.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
