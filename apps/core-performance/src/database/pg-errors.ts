// Moved to libs/persistence; kept while feature files switch their imports.
export { isForeignKeyViolation, isUniqueViolation, mapConstraintErrors } from '@sakip/persistence';
