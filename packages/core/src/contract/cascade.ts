import { z } from 'zod';

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
  measure_unit: z.string().nullable(),
});
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
export const Linked = z.object({ linked: z.number() });
export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
});
export const HealthDown = z.object({
  status: z.literal('error'),
  database: z.enum(['sqlite', 'postgres']),
});
