import { Module } from '@nestjs/common';
import { OpdServiceController } from './opd-service.controller';
import { OpdsController } from './opds.controller';
import { OpdsRepository } from './opds.repository';
import { ListOpdSnapshot } from './use-cases/list-opd-snapshot.use-case';
import { ManageOpds } from './use-cases/manage-opds.use-case';
import { UpsertOpdHead } from './use-cases/upsert-opd-head.use-case';

/** OPDs: the public `/opds` routes and the service RPCs `core.opd.list.v1`, `core.opd.head.upsert.v1`. */
@Module({
  controllers: [OpdsController, OpdServiceController],
  providers: [OpdsRepository, ManageOpds, ListOpdSnapshot, UpsertOpdHead],
  exports: [OpdsRepository],
})
export class OpdsModule {}
