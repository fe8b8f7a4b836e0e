export const FILE_EVENTS = {
  auditRecorded: 'evt.file.audit.recorded.v1',
} as const;
