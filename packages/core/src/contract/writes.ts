import { z } from 'zod';
import { UNIT_KINDS } from './enums.ts';

// What a write answers, shared by the routes that answer it: the server validates against
// these, the web app types its calls with them.

/** Done, nothing else to say. */
export const Done = z.object({ ok: z.literal(true) });
/** The record's version after the change (send it back with the next change: 409 if stale). */
export const NewVersion = z.object({ version: z.number() });
export type NewVersion = z.infer<typeof NewVersion>;
/** The id of what was created. */
export const Created = z.object({ id: z.number() });
export type Created = z.infer<typeof Created>;

/** A commune's own indicator or task added to its running plan, with the code it was given. */
export const LocalItemAdded = z.object({ id: z.number(), code: z.string() });
export type LocalItemAdded = z.infer<typeof LocalItemAdded>;
/** A plan imported as a draft. */
export const ImportedPlan = z.object({ planId: z.number() });
export type ImportedPlan = z.infer<typeof ImportedPlan>;
/** The report opened (or reopened) for a unit. */
export const OpenedReport = z.object({ reportId: z.number() });
export type OpenedReport = z.infer<typeof OpenedReport>;
/** How many periods were created. */
export const PeriodsCreated = z.object({ created: z.number() });
/** The units a reorganisation created. */
export const Reorganised = z.object({ created: z.array(z.number()) });
export type Reorganised = z.infer<typeof Reorganised>;
/** An Excel template applied: the items it wrote. */
export const TemplateApplied = z.object({ tasks: z.number(), indicators: z.number() });
export type TemplateApplied = z.infer<typeof TemplateApplied>;
/** A target split saved: to how many communes. */
export const SharesSaved = z.object({ communes: z.number() });

/** The communes and provinces a person may import a plan into. */
export const PlanOwners = z.array(
  z.object({ id: z.number(), name: z.string(), kind: z.enum(UNIT_KINDS) }),
);
export type PlanOwners = z.infer<typeof PlanOwners>;
/** The sign-in page's hint while the demo data is on. */
export const SignInHint = z.object({
  demo: z.object({ username: z.string(), password: z.string() }).nullable(),
});
