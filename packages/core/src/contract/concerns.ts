import { z } from 'zod';
import { CONCERN_KINDS, CONCERN_STATUSES } from './enums.ts';

// Difficulties and proposals raised in sent reports (khó khăn, vướng mắc / kiến nghị), as the
// concern routes return them: validated by the server, typed for the web app from here.

export const ConcernView = z.object({
  id: z.number(),
  kind: z.enum(CONCERN_KINDS),
  content: z.string(),
  /** Who must answer, as the focal officer wrote it. */
  addressee: z.string().nullable(),
  answerDue: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  status: z.enum(CONCERN_STATUSES),
  version: z.number(),
  raisedAt: z.string(),
  planId: z.number(),
  planTitle: z.string(),
  taskCode: z.string(),
  taskContent: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  periodLabel: z.string(),
});
export type ConcernView = z.infer<typeof ConcernView>;

/** A plan's concerns, and whether the reader answers them (its focal officer). */
export const PlanConcerns = z.object({ canAnswer: z.boolean(), items: z.array(ConcernView) });
export type PlanConcerns = z.infer<typeof PlanConcerns>;
export const ProvinceConcerns = z.array(ConcernView.extend({ communeName: z.string() }));
export type ProvinceConcerns = z.infer<typeof ProvinceConcerns>;
export const MyConcerns = z.array(ConcernView);
