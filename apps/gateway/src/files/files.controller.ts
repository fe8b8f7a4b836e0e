import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { AcceptsMultipart } from '../http/decorators';
import { NoIdempotency } from '../http/idempotency.interceptor';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FILE_MAX_UPLOAD_BYTES, FILE_SUBJECTS, FileView, type FileTransferGrant, type FileUploadAuthorizeRequest } from '@sakip/contracts';
import { grantUrl, pipeUpload, RpcClient } from '@sakip/messaging';
import { streamFile } from './file-stream';
import type { FastifyReply } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { Allow } from '../http/allow.decorator';
import { NoContent, RawResponse } from '../http/decorators';
import { IdParam } from '../http/id-param';
import { rpcOptions, type AuthedRequest } from '../http/request';

import { assertNothingAfterFile, readUploadForm, type UploadForm } from './upload-form';

/** Headers of a download passed on from the file service (the bytes are never looked at here). */

/**
 * Files (API.md "Files"). Bytes never travel over NATS (ARCHITECTURE.md): the gateway asks the
 * file service for a grant over RPC, with the caller's identity, then streams the bytes to or from
 * the grant's internal URL. The file service decides who may, and judges the content.
 */
@ApiTags('Files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @AcceptsMultipart()
  // The fingerprint cannot cover the streamed bytes: a replay could answer a different file.
  @NoIdempotency()
  @Allow('files.upload')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        opdId: { type: 'string', format: 'uuid', description: 'Only for a caller without an OPD uploading for one; sent before `file`' },
        file: { type: 'string', format: 'binary', description: `At most ${FILE_MAX_UPLOAD_BYTES} bytes: PDF, DOC, DOCX, XLS, XLSX, JPG, PNG, or UTF-8 CSV (judged by content)` },
      },
    },
  })
  @ApiCreatedResponse({ type: FileView })
  async upload(@Req() req: AuthedRequest): Promise<FileView> {
    let form: UploadForm | undefined;
    try {
      form = await readUploadForm(req);
      const ask: FileUploadAuthorizeRequest = { filename: form.filename, contentType: form.contentType, ...(form.opdId ? { opdId: form.opdId } : {}) };
      const grant = await this.rpc.request<FileTransferGrant>(FILE_SUBJECTS.uploadAuthorize, ask, rpcOptions(req));
      const view = await pipeUpload<FileView>(grantUrl(grant), form.file.file, String(req.id));
      await this.refuseTrailingParts(form, view, req);
      return view;
    } catch (err) {
      discardBody(req, form);
      throw err;
    }
  }

  @Get(':id')
  @Allow('files.read')
  @ApiOkResponse({ type: FileView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<FileView>(FILE_SUBJECTS.get, { id: p.id }, rpcOptions(req));
  }

  /** The bytes, not wrapped; an error before the first byte is the error envelope. */
  @Get(':id/content')
  @Allow('files.read')
  @RawResponse()
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, with Content-Type, Content-Length and Content-Disposition', schema: { type: 'string', format: 'binary' } })
  async content(@Param() p: IdParam, @Req() req: AuthedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<IncomingMessage> {
    // Fastify pipes the stream and destroys it if the client goes away; a failure mid-stream cuts the connection.
    return streamFile(this.rpc, p.id, req, reply);
  }

  /** Only while nothing references the file (409 otherwise); super_admin any file, others their own uploads. */
  @Delete(':id')
  @Allow('files.delete')
  @NoContent()
  async delete(@Param() p: IdParam, @Req() req: AuthedRequest) {
    await this.rpc.request(FILE_SUBJECTS.delete, { id: p.id }, rpcOptions(req));
  }

  /** A part after the file (a late `opdId`, a second file) would have been ignored: undo the upload and say so. */
  private async refuseTrailingParts(form: UploadForm, view: FileView, req: AuthedRequest): Promise<void> {
    try {
      await assertNothingAfterFile(form);
    } catch (err) {
      await this.rpc.request(FILE_SUBJECTS.delete, { id: view.id }, rpcOptions(req)).catch(() => undefined);
      throw err;
    }
  }
}

/** A refused upload: stop parsing and throw the rest of the request away so the answer goes out cleanly. */
function discardBody(req: AuthedRequest, form: UploadForm | undefined): void {
  form?.file.file.resume();
  req.raw.unpipe();
  req.raw.resume();
}
