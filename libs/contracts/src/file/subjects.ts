/** Request/reply subjects served by `file`: grants for a byte transfer over its internal HTTP API, metadata and deletion. */
export const FILE_SUBJECTS = {
  uploadAuthorize: 'file.upload.authorize.v1',
  downloadAuthorize: 'file.download.authorize.v1',
  get: 'file.get.v1',
  /** Which of these ids name no file the caller may see (services check references before linking them). */
  check: 'file.check.v1',
  delete: 'file.delete.v1',
} as const;

export type FileSubject = (typeof FILE_SUBJECTS)[keyof typeof FILE_SUBJECTS];
