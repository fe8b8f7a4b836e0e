// DTOs of the integration routes (filled in by the feature).
export {};
