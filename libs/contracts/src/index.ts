export * from './common/errors';
export * from './common/envelope';
export * from './common/roles';
export * from './common/identity';
export * from './common/pagination';
export * from './common/validation';
export * from './auth/subjects';
export * from './auth/dto';
