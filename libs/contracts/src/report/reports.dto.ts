// DTOs of the report routes (filled in by the feature).
export {};
