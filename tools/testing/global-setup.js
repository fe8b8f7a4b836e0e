// Jest global setup runs outside Jest's module mapper, so the @sakip/* path aliases of
// tsconfig.base.json are resolved here before the TypeScript setup is loaded.
const Module = require('node:module');
const path = require('node:path');

const libs = path.join(__dirname, '..', '..', 'libs');
const original = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = /^@sakip\/([a-z-]+)$/.exec(request);
  return original.call(this, m ? path.join(libs, m[1], 'src', 'index.ts') : request, ...rest);
};

module.exports = async () => {
  try {
    return await require('./build-template.ts').default();
  } finally {
    Module._resolveFilename = original;
  }
};
