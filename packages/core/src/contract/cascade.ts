import { z } from 'zod';
import { SHARE_METHODS } from './enums.ts';
import { TaskStatusName } from './statuses.ts';

// A commune plan's links to the plan above it (GET/PUT /api/plans/:id/cascade-links,
// PUT /api/plans/:id/parent), and the shared indicator catalogue: validated by the server,
// typed for the web app from here.

const CascadeItem = z.object({
  id: z.number(),
  planId: z.number(),
  code: z.string(),
  text: z.string(),
  appendix: z.string(),
});

const KindLinks = z.object({
  parents: z.array(CascadeItem),
  children: z.array(CascadeItem),
  links: z.array(z.object({ childId: z.number(), parentId: z.number() })),
  /** Proposed by wording (core text/cascadeMatch.ts); a person confirms. */
  suggestions: z.array(z.object({ childId: z.number(), parentId: z.number(), score: z.number() })),
});

export const CascadeLinks = z.object({
  parentPlanId: z.number().nullable(),
  parentPlans: z.array(
    z.object({ id: z.number(), title: z.string(), number: z.string().nullable() }),
  ),
  tasks: KindLinks,
  indicators: KindLinks,
});
export type CascadeLinks = z.infer<typeof CascadeLinks>;

export const CatalogueEntryView = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  measureUnit: z.string().nullable(),
});
export type CatalogueEntryView = z.infer<typeof CatalogueEntryView>;
export const Catalogue = z.array(CatalogueEntryView);
export const CatalogueLinks = z.object({
  catalogue: z.array(CatalogueEntryView),
  indicators: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      catalogueId: z.number().nullable(),
      /** A proposed catalogue link, by name; a person confirms. */
      proposal: z.object({ catalogueId: z.number(), score: z.number() }).nullable(),
    }),
  ),
});
export type CatalogueLinksView = z.infer<typeof CatalogueLinks>;
export const Linked = z.object({ linked: z.number() });
export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
});
export const HealthDown = z.object({
  status: z.literal('error'),
  database: z.enum(['sqlite', 'postgres']),
});

/** A plan above and how the communes below take it up (GET /api/plans/:id/cascade): each of its
 *  items with the communes' items linked to it (and how they stand), the communes not yet. */
const CascadeRow = z.object({
  id: z.number(),
  code: z.string(),
  text: z.string(),
  appendix: z.string(),
  implementations: z.array(
    z.object({
      communeId: z.number(),
      communeName: z.string(),
      planId: z.number(),
      id: z.number(),
      code: z.string(),
      text: z.string(),
      /** A task's status in its commune's latest period (null for an indicator). */
      status: TaskStatusName.nullable(),
    }),
  ),
  notTakenUp: z.array(
    z.object({ communeId: z.number(), communeName: z.string(), hasPlan: z.boolean() }),
  ),
});

export const CascadeView = z.object({
  plan: z.object({
    id: z.number(),
    title: z.string(),
    number: z.string().nullable(),
    ownerId: z.number(),
  }),
  communes: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      planId: z.number().nullable(),
      planTitle: z.string().nullable(),
      tasksTakenUp: z.number(),
      indicatorsTakenUp: z.number(),
    }),
  ),
  tasks: z.array(CascadeRow),
  indicators: z.array(CascadeRow),
});
export type CascadeView = z.infer<typeof CascadeView>;

/** A province indicator's target split among its communes for a year, with what they report
 *  (GET /api/indicators/:id/target-shares: giao chỉ tiêu). */
export const TargetSharesView = z.object({
  indicator: z.object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    unit: z.string().nullable(),
  }),
  /** How communes' figures add up to the province's: a sum, or an average (rates). */
  aggregation: z.enum(['sum', 'average']),
  years: z.array(z.number()),
  year: z.number(),
  /** What the saved split was when read: sent back so a newer save is not overwritten. */
  revision: z.string(),
  provinceTarget: z.number().nullable(),
  communes: z.array(
    z.object({
      communeId: z.number(),
      name: z.string(),
      code: z.string().nullable(),
      method: z.enum(SHARE_METHODS).nullable(),
      weight: z.number().nullable(),
      value: z.number().nullable(),
      linked: z.boolean(),
      actual: z.number().nullable(),
    }),
  ),
  assigned: z.number().nullable(),
  actual: z.number().nullable(),
});
export type TargetSharesView = z.infer<typeof TargetSharesView>;
