import { Module } from '@nestjs/common';
import { ReportBuilder } from './report-builder';
import { defaultReportGenerator, REPORT_GENERATOR } from './report-generator.token';
import { ReportJobs } from './report-jobs';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { AttachSignedUseCase } from './use-cases/attach-signed.use-case';
import { OrderReportUseCase } from './use-cases/order-report.use-case';
import { ReadReportsUseCase } from './use-cases/read-reports.use-case';

/** Report jobs: ordering, the build queue and worker, reads, download and the signed scan. */
@Module({
  controllers: [ReportsController],
  providers: [
    { provide: REPORT_GENERATOR, useValue: defaultReportGenerator },
    ReportsRepository,
    ReportBuilder,
    ReportJobs,
    OrderReportUseCase,
    ReadReportsUseCase,
    AttachSignedUseCase,
  ],
  exports: [ReportJobs],
})
export class ReportsModule {}
