import { z } from 'zod';

// One entry of an audit trail (nhật ký), as GET /api/plans/:id/audit and /api/reports/:id/audit
// return it: who did what, when, and the record before and after.

export const AuditEntryView = z.object({
  id: z.number(),
  at: z.string(),
  entity: z.string(),
  entityId: z.number(),
  action: z.string(),
  reason: z.string().nullable(),
  userName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** For an entry about a report's item: the task or indicator it is about. */
  taskId: z.number().nullable(),
  indicatorId: z.number().nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;
export const AuditTrail = z.array(AuditEntryView);
