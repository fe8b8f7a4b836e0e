#!/usr/bin/env node
// `npm start`: installs dependencies when missing, then hands over to the TypeScript dev runner.
// Kept in plain JS because it must run before node_modules exists.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync, spawn } = require('node:child_process');

const root = join(__dirname, '..', '..');
if (!existsSync(join(root, 'node_modules', '@swc-node', 'register'))) {
  // `npm install` honours the lock; `npm ci` refuses it on npm set to omit resolved URLs (see .ci/run).
  console.log('[sakip] installing dependencies (npm install)…');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'stack.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SWC_NODE_PROJECT: join(root, 'tsconfig.base.json'), NX_NO_CLOUD: 'true' },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
