/**
 * Controllers of the Core performance routes (API.md), each forwarding to core-performance over
 * NATS. One file per feature under this folder; add new ones here.
 */
export const CORE_CONTROLLERS = [];
