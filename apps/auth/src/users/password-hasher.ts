import { Inject, Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config';

/** argon2id via @node-rs/argon2 (prebuilt binaries on npm; runs on libuv's pool, not the event loop). */
@Injectable()
export class PasswordHasher {
  private readonly options: { algorithm: Algorithm; memoryCost: number; timeCost: number; parallelism: number };
  private dummyHash?: Promise<string>;

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    this.options = { algorithm: Algorithm.Argon2id, memoryCost: config.AUTH_ARGON2_MEMORY_KIB, timeCost: config.AUTH_ARGON2_TIME_COST, parallelism: 1 };
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same time as a real check, so an unknown e-mail cannot be told apart by latency. */
  async burn(password: string): Promise<void> {
    this.dummyHash ??= this.hash('sakip-timing-equaliser-password');
    await this.verify(await this.dummyHash, password);
  }
}
