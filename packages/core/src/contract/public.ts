import { z } from 'zod';
import { PlanTarget } from './plans.ts';

// The public record (no sign-in): communes that published a plan, and one commune's approved
// progress (GET /api/public/communes, /api/public/communes/:id).

export const PublicCommunes = z.array(
  z.object({
    id: z.number(),
    name: z.string(),
    province: z.string().nullable(),
    planId: z.number(),
    title: z.string(),
  }),
);

export const PublicCommune = z.object({
  plan: z.object({
    id: z.number(),
    title: z.string(),
    number: z.string().nullable(),
    issuedOn: z.string().nullable(),
    issuer: z.string(),
    commune: z.string(),
  }),
  period: z.object({ id: z.number(), label: z.string() }).nullable(),
  sections: z.array(
    z.object({
      name: z.string(),
      tasks: z.number(),
      done: z.number(),
      due: z.number(),
      percent: z.number(),
    }),
  ),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      targets: z.array(PlanTarget),
      value: z.string().nullable(),
    }),
  ),
});
