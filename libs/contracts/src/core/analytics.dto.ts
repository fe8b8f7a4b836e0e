// DTOs of the analytics routes (API.md "Core performance"): public request/response classes and the RPC commands the gateway sends.
export {};
