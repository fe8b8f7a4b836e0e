import { FILE_SUBJECTS, type FileDownloadGrant } from '@sakip/contracts';
import { grantUrl, openDownload, type RpcClient } from '@sakip/messaging';
import type { FastifyReply } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { rpcOptions, type AuthedRequest } from '../http/request';

const DOWNLOAD_HEADERS = ['content-type', 'content-length', 'content-disposition', 'x-content-type-options', 'x-file-sha256'] as const;

/**
 * Opens a file's bytes as the caller (the file service decides who may) and copies its headers;
 * the route returns the stream and Fastify pipes it (destroyed if the client goes away).
 */
export async function streamFile(rpc: RpcClient, fileId: string, req: AuthedRequest, reply: FastifyReply): Promise<IncomingMessage> {
  const grant = await rpc.request<FileDownloadGrant>(FILE_SUBJECTS.downloadAuthorize, { fileId }, rpcOptions(req));
  const res = await openDownload(grantUrl(grant), String(req.id));
  for (const name of DOWNLOAD_HEADERS) {
    const value = res.headers[name];
    if (value !== undefined) reply.header(name, value);
  }
  return res;
}
