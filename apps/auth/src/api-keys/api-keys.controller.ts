import { MessagePattern, Payload } from '@nestjs/microservices';
import { ApiKeyListQuery, ApiKeyVerifyRequest, AUTH_SUBJECTS, CreateApiKeyRequest, IdRequest, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { ManageApiKeys } from './use-cases/manage-api-keys.use-case';
import { VerifyApiKey } from './use-cases/verify-api-key.use-case';

@RpcController()
export class ApiKeysController {
  constructor(
    private readonly manage: ManageApiKeys,
    private readonly verify: VerifyApiKey,
  ) {}

  @MessagePattern(AUTH_SUBJECTS.apiKeyCreate)
  create(@Payload() req: CreateApiKeyRequest, @Caller() caller: CallerIdentity | null) {
    return this.manage.create(caller, req);
  }

  @MessagePattern(AUTH_SUBJECTS.apiKeyList)
  list(@Payload() q: ApiKeyListQuery, @Caller() caller: CallerIdentity | null) {
    return this.manage.list(caller, q);
  }

  @MessagePattern(AUTH_SUBJECTS.apiKeyRevoke)
  async revoke(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    await this.manage.revoke(caller, req.id);
    return null;
  }

  @MessagePattern(AUTH_SUBJECTS.apiKeyVerify)
  verifyKey(@Payload() req: ApiKeyVerifyRequest, @Caller() caller: CallerIdentity | null) {
    return this.verify.execute(caller, req.key);
  }
}
