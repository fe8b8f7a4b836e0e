// One Jest run for every tier: unit (*.spec.ts), integration (*.int-spec.ts, real PG/NATS/Redis)
// and end-to-end (*.e2e-spec.ts, services booted in-process). SWC keeps transpiling cheap; types
// are checked once by `npm run typecheck`.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const base = {
  testEnvironment: 'node',
  // A few dependencies ship ESM only (content-disposition via @fastify/static): SWC turns them into CommonJS.
  transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@sakip/(.*)$': '<rootDir>/libs/$1/src/index.ts' },
  rootDir: __dirname,
  setupFiles: ['reflect-metadata'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  globalSetup: '<rootDir>/tools/testing/global-setup.js',
  maxWorkers: process.env.JEST_WORKERS ?? 2,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,tools,infra}/**/*.int-spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.e2e-spec.ts'] },
  ],
};
