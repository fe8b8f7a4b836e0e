// @nx/enforce-module-boundaries reads the cached project graph and silently SKIPS itself when
// there is none (a fresh clone). Computing the graph first makes the rule actually run.
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
execFileSync(process.execPath, [require.resolve('nx/bin/nx', { paths: [root] }), 'show', 'projects'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
});
