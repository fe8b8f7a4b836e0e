import { MessagePattern, Payload } from '@nestjs/microservices';
import { AttachSignedCommand, CreateReportRequest, REPORT_SUBJECTS, ReportIdRequest, ReportListQuery, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { AttachSignedUseCase } from './use-cases/attach-signed.use-case';
import { OrderReportUseCase } from './use-cases/order-report.use-case';
import { ReadReportsUseCase } from './use-cases/read-reports.use-case';

@RpcController()
export class ReportsController {
  constructor(
    private readonly order: OrderReportUseCase,
    private readonly read: ReadReportsUseCase,
    private readonly signed: AttachSignedUseCase,
  ) {}

  @MessagePattern(REPORT_SUBJECTS.create)
  create(@Payload() dto: CreateReportRequest, @Caller() caller: CallerIdentity | null) {
    return this.order.execute(dto, caller);
  }

  @MessagePattern(REPORT_SUBJECTS.get)
  get(@Payload() dto: ReportIdRequest, @Caller() caller: CallerIdentity | null) {
    return this.read.get(dto, caller);
  }

  @MessagePattern(REPORT_SUBJECTS.list)
  list(@Payload() q: ReportListQuery, @Caller() caller: CallerIdentity | null) {
    return this.read.list(q, caller);
  }

  @MessagePattern(REPORT_SUBJECTS.download)
  download(@Payload() dto: ReportIdRequest, @Caller() caller: CallerIdentity | null) {
    return this.read.download(dto, caller);
  }

  @MessagePattern(REPORT_SUBJECTS.attachSigned)
  attachSigned(@Payload() cmd: AttachSignedCommand, @Caller() caller: CallerIdentity | null) {
    return this.signed.execute(cmd, caller);
  }
}
