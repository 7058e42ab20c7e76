import { z } from 'zod';
import { AMENDMENT_SOURCES, IsoDay, ITEM_KINDS } from '@tiendo/core';

// What an amendment (văn bản điều chỉnh, bổ sung kế hoạch) says, as the API receives it: the
// document it rests on, the day it takes effect and the changes — an item's fields edited, an
// item added, an item retired (no longer tracked, with a reason). Fields are the plan's own
// texts, as imported: units are named in the chủ trì / phối hợp text and linked by matching
// it to the commune's units, exactly as at import.

const text = (max: number) => z.string().trim().min(1, 'Không được để trống.').max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((s) => (s ? s : null));

export const TaskFields = z.object({
  content: text(4_000),
  lead: optionalText(1_000), // chủ trì
  coordinate: optionalText(1_000), // phối hợp
  output: optionalText(2_000),
  deadline: optionalText(300),
  director: optionalText(300),
  responsible: optionalText(300),
});
export type TaskFields = z.infer<typeof TaskFields>;

/** Milestone targets by year ("2026") or one for every year ("all"). */
export const Targets = z.record(
  z.string().regex(/^(\d{4}|all)$/, 'Năm mốc không hợp lệ'),
  text(300),
);

export const IndicatorFields = z.object({
  name: text(2_000),
  unit: optionalText(100),
  lead: optionalText(1_000),
  output: optionalText(2_000),
  director: optionalText(300),
  responsible: optionalText(300),
  targets: Targets,
});
export type IndicatorFields = z.infer<typeof IndicatorFields>;

const ItemId = z.number().int().positive();
/** Where an added item goes: a section of the plan (default: the amendments' own). */
const Placement = {
  sectionId: ItemId.nullable().default(null),
  code: z.string().trim().max(30).nullable().default(null),
};

export const ItemChange = z.union([
  z.object({
    change: z.literal('edit'),
    kind: z.literal('task'),
    itemId: ItemId,
    fields: TaskFields.partial(),
  }),
  z.object({
    change: z.literal('edit'),
    kind: z.literal('indicator'),
    itemId: ItemId,
    fields: IndicatorFields.partial(),
  }),
  z.object({
    change: z.literal('add'),
    kind: z.literal('task'),
    ...Placement,
    // Only the text is required; what is left out stays empty.
    fields: TaskFields.partial().required({ content: true }),
  }),
  z.object({
    change: z.literal('add'),
    kind: z.literal('indicator'),
    ...Placement,
    fields: IndicatorFields.partial()
      .required({ name: true })
      .extend({ targets: Targets.default({}) }),
  }),
  z.object({
    change: z.literal('retire'),
    kind: z.enum(ITEM_KINDS),
    itemId: ItemId,
    reason: text(1_000),
  }),
]);
export type ItemChange = z.infer<typeof ItemChange>;

export const AmendmentInput = z
  .object({
    /** The plan's version as the user saw it (optimistic locking: 409 when it moved). */
    version: z.number().int().positive(),
    basis: z.object({
      number: text(100), // số hiệu văn bản
      date: IsoDay.nullable().default(null),
      signer: optionalText(200).default(null),
    }),
    effectiveOn: IsoDay,
    note: optionalText(2_000).default(null),
    documentId: ItemId.nullable().default(null),
    source: z.enum(AMENDMENT_SOURCES).default('manual'),
    changes: z.array(ItemChange).min(1, 'Chưa có nội dung điều chỉnh nào.').max(2_000),
  })
  .meta({
    example: {
      version: 3,
      basis: { number: '45/KH-UBND', date: '2027-01-10', signer: 'Nguyễn Văn A' },
      effectiveOn: '2027-01-15',
      note: null,
      documentId: null,
      source: 'manual',
      changes: [
        { change: 'edit', kind: 'indicator', itemId: 12, fields: { targets: { '2027': '80%' } } },
        { change: 'retire', kind: 'task', itemId: 30, reason: 'Đã lồng ghép vào nhiệm vụ 5' },
      ],
    },
  });
export type AmendmentInput = z.infer<typeof AmendmentInput>;
