import { z } from 'zod';
import { PlanDraft } from '../plan/planDraft.ts';
import { PLAN_STATUSES } from './enums.ts';

// A plan under review after import (GET /api/plans/:id/draft): the reviewed draft, the
// document's lines, the units it would create and the checks before publishing.

export const DraftReview = z.object({
  planId: z.number(),
  communeId: z.number(),
  version: z.number(),
  draft: PlanDraft,
  warnings: z.array(z.object({ where: z.string(), message: z.string() })),
  sourceLines: z.array(z.string()),
  unitProposals: z.array(z.string()),
  /** Proposals to look at before creating (left unticked), with why. */
  unitDoubts: z.record(z.string(), z.string()),
  /** The commune (or province) the plan is imported into. */
  ownerName: z.string(),
  /** The place the document names when it is not the owner. */
  localityMismatch: z.string().nullable(),
  /** Published or archived plans of the owner with the same number and date, or title. */
  duplicates: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      number: z.string().nullable(),
      issuedOn: z.string().nullable(),
      status: z.enum(PLAN_STATUSES),
    }),
  ),
});
export type DraftReview = z.infer<typeof DraftReview>;
