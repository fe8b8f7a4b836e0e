import { RpcController } from '@sakip/messaging';
import { MessagePattern } from '@nestjs/microservices';
import { AUTH_SUBJECTS } from '@sakip/contracts';
import { KeyStore } from './key-store.service';

@RpcController()
export class JwksController {
  constructor(private readonly keys: KeyStore) {}

  @MessagePattern(AUTH_SUBJECTS.jwks)
  jwks() {
    return this.keys.jwks();
  }
}
