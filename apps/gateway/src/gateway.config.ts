import { BaseConfig, loadConfig } from '@sakip/config';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';

export class GatewayConfig extends BaseConfig {
  @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsString() @Length(1, 200)
  JWT_ISSUER = 'sakip-auth';

  @IsString() @Length(1, 200)
  JWT_AUDIENCE = 'sakip-api';

  /** Comma-separated origins allowed by CORS; empty = none (same-origin only). */
  @IsString()
  CORS_ORIGINS = '';

  /** Comma-separated IPs/CIDRs whose X-Forwarded-For is believed. */
  @IsString() @Matches(/^[0-9a-fA-F:.,/\s]*$/, { message: 'TRUSTED_PROXIES must be a comma-separated list of IPs or CIDRs' })
  TRUSTED_PROXIES = '';

  @IsInt() @Min(1) @Max(10_000_000)
  RATE_LIMIT_GENERAL_PER_MIN = 100;

  @IsInt() @Min(1) @Max(10_000_000)
  RATE_LIMIT_AUTH_PER_MIN = 20;

  @IsInt() @Min(1) @Max(100_000_000)
  RATE_LIMIT_API_KEY_PER_HOUR = 1000;

  /** JSON bodies must fit one NATS message (ARCHITECTURE.md "Edge"). */
  @IsInt() @Min(1024) @Max(1_048_576)
  GATEWAY_BODY_LIMIT_BYTES = 256 * 1024;

  /** Live push: ping/heartbeat interval; a WebSocket that missed one pong is dropped, and revocation is re-checked. */
  @IsInt() @Min(100) @Max(300_000)
  PUSH_HEARTBEAT_MS = 25_000;

  /** Live push: bytes a client may leave unread before it is dropped as too slow (it reconnects and replays). */
  @IsInt() @Min(1024) @Max(64 * 1024 * 1024)
  PUSH_MAX_BUFFER_BYTES = 1024 * 1024;

  /** Live push: open WebSocket/SSE connections per user on one gateway replica. */
  @IsInt() @Min(1) @Max(1000)
  PUSH_MAX_CONNECTIONS_PER_USER = 10;

  get trustedProxies(): string[] {
    return this.TRUSTED_PROXIES.split(',').map((s) => s.trim()).filter(Boolean);
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  }
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(GatewayConfig, env);
}
