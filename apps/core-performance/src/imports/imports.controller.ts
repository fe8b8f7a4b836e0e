import { MessagePattern, Payload } from '@nestjs/microservices';
import { CORE_SUBJECTS, CreateImportRequest, IdRequest, ImportRowsCommand, type CallerIdentity } from '@sakip/contracts';
import { Caller, RpcController } from '@sakip/messaging';
import { CreateImport } from './use-cases/create-import.use-case';
import { ReadImports } from './use-cases/read-imports.use-case';

@RpcController()
export class ImportsController {
  constructor(
    private readonly createImport: CreateImport,
    private readonly read: ReadImports,
  ) {}

  @MessagePattern(CORE_SUBJECTS.importCreate)
  create(@Payload() req: CreateImportRequest, @Caller() caller: CallerIdentity | null) {
    return this.createImport.execute(caller, req);
  }

  @MessagePattern(CORE_SUBJECTS.importGet)
  get(@Payload() req: IdRequest, @Caller() caller: CallerIdentity | null) {
    return this.read.get(caller, req.id);
  }

  @MessagePattern(CORE_SUBJECTS.importRows)
  rows(@Payload() q: ImportRowsCommand, @Caller() caller: CallerIdentity | null) {
    return this.read.rows(caller, q);
  }
}
