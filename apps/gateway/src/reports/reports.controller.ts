import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AttachSignedRequest, CreateReportRequest, REPORT_SUBJECTS, ReportAccepted, ReportListQuery, ReportView, type Page, type ReportDownload } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import type { FastifyReply } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { streamFile } from '../files/file-stream';
import { Allow } from '../http/allow.decorator';
import { RawResponse } from '../http/decorators';
import { IdParam } from '../http/id-param';
import { Paged } from '../http/paged';
import { rpcOptions, type AuthedRequest } from '../http/request';

/** Reports (API.md "Reports"): asynchronous document jobs served by report-generation; the bytes come from the file service. */
@ApiTags('Reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly rpc: RpcClient) {}

  /** 202 at once; the same request (by the same requester) while it is queued or running returns that job. */
  @Post()
  @HttpCode(202)
  @Allow('reports.order')
  @ApiAcceptedResponse({ type: ReportAccepted })
  create(@Body() body: CreateReportRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<ReportAccepted>(REPORT_SUBJECTS.create, body, rpcOptions(req));
  }

  @Get()
  @Allow('reports.read')
  @ApiOkResponse({ type: [ReportView] })
  async list(@Query() query: ReportListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<ReportView>>(REPORT_SUBJECTS.list, query, rpcOptions(req)));
  }

  @Get(':id')
  @Allow('reports.read')
  @ApiOkResponse({ type: ReportView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<ReportView>(REPORT_SUBJECTS.get, { id: p.id }, rpcOptions(req));
  }

  /** The document (not wrapped); 409 until it is done. */
  @Get(':id/download')
  @Allow('reports.read')
  @RawResponse()
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The document, with Content-Type and Content-Disposition', schema: { type: 'string', format: 'binary' } })
  async download(@Param() p: IdParam, @Req() req: AuthedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<IncomingMessage> {
    const { fileId } = await this.rpc.request<ReportDownload>(REPORT_SUBJECTS.download, { id: p.id }, rpcOptions(req));
    return streamFile(this.rpc, fileId, req, reply);
  }

  /** Attaches the signed scan (a file uploaded through POST /files) to a finished report. */
  @Post(':id/signed')
  @HttpCode(200)
  @Allow('reports.order')
  @ApiOkResponse({ type: ReportView })
  signed(@Param() p: IdParam, @Body() body: AttachSignedRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<ReportView>(REPORT_SUBJECTS.attachSigned, { ...body, id: p.id }, rpcOptions(req));
  }
}
