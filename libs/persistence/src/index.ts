export * from './data-source';
export * from './uuid';
export * from './pagination';
export * from './provisioning';
export * from './keyset-cursor';
export * from './redis';
export * from './pg-errors';
export * from './database.module';
