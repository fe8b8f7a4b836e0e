import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RpcClient } from '@sakip/messaging';

/** Integrations (API.md "Integrations"): SIPD/SIMPEG connectors served by integration-sync; super_admin only. */
@ApiTags('Integrations')
@ApiBearerAuth()
@Controller('integrations')
export class IntegrationsController {
  constructor(private readonly rpc: RpcClient) {}
}
