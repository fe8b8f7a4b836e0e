export * from './roles.decorator';
export * from './permissions';
export * from './roles.guard';
export * from './jwks';
export * from './access-token';
export * from './jwt.strategy';
export * from './revocation';
