import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DEFAULT_OPDS, maxOpds } from './catalog/opd-catalog';
import { DEFAULT_AS_OF, DEFAULT_SEED, generateDemo } from './generate-demo';
import { describeDemoResult, loadDemo } from './load-demo';

/**
 * The demo Pemda loader and benchmark-data generator:
 *   node -r @swc-node/register tools/demo/cli.ts --opds 200 --database-url postgres://sakip_core@127.0.0.1:5432/sakip
 *   npm run demo -- --opds 200
 * Exit code 0: loaded or already loaded; 2: refused (the database holds other data); 1: error.
 */
const HELP = `Usage: tools/demo/cli.ts [--opds N] [--database-url URL] [--seed TEXT] [--as-of YYYY-MM-DD] [--dry-run]

  --opds N            OPDs to generate (default ${DEFAULT_OPDS}, at most ${maxOpds()}); everything scales with it
  --database-url URL  core role or database owner (default: $CORE_DATABASE_URL, $DATABASE_URL,
                      or postgres://sakip_core@127.0.0.1:5432/sakip)
  --seed TEXT         same seed, same data and ids (default ${DEFAULT_SEED})
  --as-of DATE        the demo's "now": achievements exist for periods ended before it (default ${DEFAULT_AS_OF})
  --dry-run           generate only and print the row counts; touch no database`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      opds: { type: 'string' },
      'database-url': { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const opds = values.opds === undefined ? DEFAULT_OPDS : Number(values.opds);
  if (!Number.isInteger(opds) || opds < 1 || opds > maxOpds()) throw new Error(`--opds must be a whole number from 1 to ${maxOpds()}, got ${values.opds}`);
  const options = { opds, seed: values.seed, asOf: values['as-of'] };

  if (values['dry-run']) {
    const t = Date.now();
    const world = generateDemo(options);
    console.log(`[demo] generated in ${Date.now() - t} ms (nothing written):`);
    for (const [table, n] of Object.entries(world.data.counts())) console.log(`  ${table.padEnd(32)} ${n}`);
    return 0;
  }

  const databaseUrl = values['database-url'] ?? process.env['CORE_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? 'postgres://sakip_core@127.0.0.1:5432/sakip';
  const result = await loadDemo({ ...options, databaseUrl, log: (line) => console.log(`[demo]   ${line}`) });
  for (const line of describeDemoResult(result)) console.log(`[demo] ${line}`);
  return result.status === 'refused' ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[demo] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
