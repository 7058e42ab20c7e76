import { z } from 'zod';
import { PLAN_STATUSES, ROLES, SECTION_KINDS, UNIT_KINDS } from './enums.ts';

// The signed-in user (GET /api/auth/me, the sign-in's answer), the plans they read
// (GET /api/plans) and one plan as it now reads (GET /api/plans/:id).

export const Me = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number().nullable(),
  roles: z.array(z.object({ role: z.enum(ROLES), scopeUnitId: z.number() })),
  csrfToken: z.string(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

const PlanStatus = z.enum(PLAN_STATUSES);

export const PlanSummary = z.object({
  id: z.number(),
  title: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  status: PlanStatus,
  version: z.number(),
  communeId: z.number(),
  communeName: z.string(),
  /** 'province' for a higher-level plan, listed after the communes' own */
  ownerKind: z.enum(UNIT_KINDS),
  indicatorCount: z.number(),
  taskCount: z.number(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

/** A target of an indicator: a year (null for the whole plan) and its words as written. */
export const PlanTarget = z.object({ year: z.number().nullable(), text: z.string() });

/** What the signed-in user may do here (the server's access policy), so the web shows just that. */
const PlanPermissions = z.object({ manage: z.boolean(), amend: z.boolean(), review: z.boolean() });

/** Where a plan item stands in the plan's history (amendments; server plans/versions.ts). */
export const ItemVersion = z.object({
  /** The item across its versions (the first version's id). */
  lineageId: z.number(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  amendmentId: z.number().nullable(),
  /** Set when an amendment retired the item (no longer tracked). */
  retiredReason: z.string().nullable(),
  director: z.string().nullable(),
  responsible: z.string().nullable(),
});
export type ItemVersion = z.infer<typeof ItemVersion>;

export const PlanDetail = z.object({
  id: z.number(),
  permissions: PlanPermissions,
  title: z.string(),
  number: z.string().nullable(),
  issuer: z.string(),
  issuedOn: z.string().nullable(),
  status: PlanStatus,
  version: z.number(),
  /** Reports units have sent for the plan: while 0, a published plan goes back to draft. */
  sentReports: z.number(),
  communeId: z.number(),
  communeName: z.string(),
  ownerKind: z.enum(UNIT_KINDS),
  parentPlanId: z.number().nullable(),
  focalUnit: z.string().nullable(),
  sections: z.array(
    z.object({
      id: z.number(),
      appendix: z.string(),
      kind: z.enum(SECTION_KINDS),
      heading: z.string().nullable(),
    }),
  ),
  indicators: z.array(
    ItemVersion.extend({
      id: z.number(),
      sectionId: z.number(),
      parentId: z.number().nullable(),
      code: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      lead: z.string().nullable(),
      output: z.string().nullable(),
      targets: z.array(PlanTarget),
      version: z.number(),
    }),
  ),
  tasks: z.array(
    ItemVersion.extend({
      id: z.number(),
      sectionId: z.number(),
      code: z.string(),
      content: z.string(),
      lead: z.string().nullable(),
      coordinate: z.string().nullable(),
      output: z.string().nullable(),
      deadline: z.string().nullable(),
      version: z.number(),
    }),
  ),
});
export type PlanDetail = z.infer<typeof PlanDetail>;
