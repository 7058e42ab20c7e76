import { z } from 'zod';
import { AMENDMENT_SOURCES, ITEM_KINDS } from './enums.ts';

// A plan's amendments (GET/POST /api/plans/:id/amendments…): the server validates what it
// sends against these, the web app reads their types — one definition, no copies.

export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

export const AmendmentView = z.object({
  id: z.number(),
  ordinal: z.number().describe('Lần điều chỉnh thứ'),
  basisNumber: z.string().describe('Số hiệu văn bản điều chỉnh'),
  basisDate: z.string().nullable(),
  signer: z.string().nullable(),
  effectiveOn: z.string().describe('Ngày có hiệu lực'),
  note: z.string().nullable(),
  source: z.enum(AMENDMENT_SOURCES),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  document: z.object({ id: z.number(), filename: z.string() }).nullable(),
  added: z.number(),
  changed: z.number(),
  retired: z.number(),
  items: z.array(
    z.object({
      change: z.enum(['add', 'edit', 'retire']),
      kind: ItemKind,
      id: z.number(),
      code: z.string(),
      reason: z.string().nullable(),
      fields: z.array(z.string()),
    }),
  ),
});
export type AmendmentView = z.infer<typeof AmendmentView>;
export const AmendmentList = z.object({
  amendments: z.array(AmendmentView),
  /** The first day a new amendment may take effect (null: any day). */
  earliestEffectiveOn: z.string().nullable(),
});
export type AmendmentList = z.infer<typeof AmendmentList>;

export const AppliedAmendment = z.object({
  id: z.number(),
  ordinal: z.number(),
  version: z.number(),
  summary: z.object({ added: z.number(), changed: z.number(), retired: z.number() }),
});
export type AppliedAmendment = z.infer<typeof AppliedAmendment>;

const AmendmentRef = z.object({
  ordinal: z.number(),
  basisNumber: z.string(),
  basisDate: z.string().nullable(),
  effectiveOn: z.string(),
});

export const FieldChangeView = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const ItemVersionView = z.object({
  id: z.number(),
  code: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  retiredReason: z.string().nullable(),
  amendment: AmendmentRef.nullable(),
  retiredBy: AmendmentRef.nullable(),
  fields: z.record(z.string(), z.string().nullable()),
  changes: z.array(FieldChangeView),
});
export type ItemVersionView = z.infer<typeof ItemVersionView>;
export const ItemHistory = z.object({ versions: z.array(ItemVersionView) });
export type ItemHistory = z.infer<typeof ItemHistory>;

export const AmendmentComparison = z.object({
  documentId: z.number(),
  filename: z.string(),
  basis: z.object({
    number: z.string().nullable(),
    date: z.string().nullable(),
    signer: z.string().nullable(),
    title: z.string(),
  }),
  changed: z.array(
    z.object({
      kind: ItemKind,
      itemId: z.number(),
      code: z.string(),
      newCode: z.string(),
      text: z.string(),
      changes: z.array(FieldChangeView),
      fields: z.record(z.string(), z.unknown()),
      /** Its version in force came from this amendment: the document may be undoing it. */
      amendedBy: z.object({ ordinal: z.number(), basisNumber: z.string() }).nullable(),
    }),
  ),
  stillRetired: z.array(
    z.object({ kind: ItemKind, itemId: z.number(), code: z.string(), text: z.string() }),
  ),
  added: z.array(
    z.object({
      kind: ItemKind,
      code: z.string(),
      text: z.string(),
      fields: z.record(z.string(), z.unknown()),
    }),
  ),
  missing: z.array(
    z.object({ kind: ItemKind, itemId: z.number(), code: z.string(), text: z.string() }),
  ),
  unchanged: z.number(),
});
export type AmendmentComparison = z.infer<typeof AmendmentComparison>;
