import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RpcClient } from '@sakip/messaging';

/** Reports (API.md "Reports"): asynchronous document jobs served by report-generation. */
@ApiTags('Reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly rpc: RpcClient) {}
}
