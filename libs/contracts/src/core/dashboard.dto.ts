// DTOs of the dashboard routes (API.md "Core performance"): public request/response classes and the RPC commands the gateway sends.
export {};
