export * from './test-env';
export * from './template-database';
export * from './test-stack';
export * from './http';
export * from './jetstream';
export * from './ports';
export * from './callers';
