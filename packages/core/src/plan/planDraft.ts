import { z } from 'zod';

// The plan-draft JSON the importer prints (fixtures/SCHEMA.md): plan metadata and every
// numbered indicator and task row, verbatim. This schema is the boundary between the
// importer and everything else; the server validates every draft against it.

const nullableText = z.string().nullable();

export const BasisDocument = z.object({
  number: z.string(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
});

export const ReportingObligation = z.object({
  frequency: z.enum(['monthly', 'quarterly', 'semiannual', 'annual', 'adhoc']),
  due: z
    .string()
    .regex(/^\d{2}-\d{2}$/)
    .nullable(),
  text: z.string(),
});

export const PlanMetadata = z.object({
  issuer: z.string(),
  locality: z.string().nullable(),
  number: nullableText,
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
  title: z.string(),
  signer: z
    .object({ name: nullableText, position: nullableText, authority: nullableText })
    .nullable(),
  basis: z.array(BasisDocument),
  replaces: z.array(z.string()),
  focal_unit: nullableText,
  reporting: z.array(ReportingObligation),
});

export const DraftIndicator = z.object({
  table: z.string(),
  group: nullableText,
  code: z.string(),
  name: z.string(),
  unit: nullableText,
  targets: z.record(z.string(), z.string()),
  lead: nullableText,
  output: nullableText,
  director: nullableText,
  responsible: nullableText,
  /** Columns with no field of their own (Kinh phí, Nguồn vốn, Ghi chú…): "header: text; …". */
  note: z.string().optional(),
});

export const DraftTask = z.object({
  table: z.string(),
  group: nullableText,
  code: z.string(),
  content: z.string(),
  lead: nullableText,
  coordinate: nullableText,
  output: nullableText,
  deadline: nullableText,
  director: nullableText,
  responsible: nullableText,
  note: z.string().optional(),
});

export const DraftNote = z.object({ where: z.string(), note: z.string() });

/** What a column of an appendix table holds, as the importer decided (or a reviewer set). */
export const ColumnRole = z.enum([
  'code',
  'name', // chỉ tiêu / nhiệm vụ / nội dung công việc
  'unit', // đơn vị tính
  'year', // Năm 2025 …
  'result', // "Kết quả" of an indicator table: target of the section's year
  'lead', // chủ trì
  'coordinate', // phối hợp
  'output', // sản phẩm đầu ra
  'deadline', // thời gian hoàn thành / tiến độ
  'director', // đồng chí được phân công chỉ đạo
  'responsible', // đồng chí được phân công chủ trì
  'note', // kinh phí, nguồn vốn, ghi chú … kept as the row's note
  'unknown',
]);
export type ColumnRole = z.infer<typeof ColumnRole>;

/** One appendix table as read: its label, kind and each column's header and role — what
 *  the review shows so a person can correct a column once for the whole table. */
export const DraftTableLayout = z.object({
  label: z.string(),
  kind: z.enum(['indicators', 'tasks']).nullable(),
  columns: z.array(
    z.object({ header: z.string(), role: ColumnRole, year: z.number().int().optional() }),
  ),
});

/** Importer's per-field confidence: every field not listed is trusted at `base`; the listed
 *  ones are below it, with the reason a person should check them (plan/fieldDoubts.ts). */
export const DraftConfidence = z.object({
  base: z.number().min(0).max(1),
  fields: z.array(
    z.object({
      where: z.string(),
      field: z.string(),
      score: z.number().min(0).max(1),
      reason: z.string(),
    }),
  ),
});

export const PlanDraft = z.object({
  source: z.string(),
  plan: PlanMetadata,
  indicators: z.array(DraftIndicator),
  tasks: z.array(DraftTask),
  notes: z.array(DraftNote).optional(),
  tables: z.array(DraftTableLayout).optional(),
  warnings: z.array(z.object({ where: z.string(), message: z.string() })).optional(),
  confidence: DraftConfidence.optional(),
});

export type PlanDraft = z.infer<typeof PlanDraft>;
export type DraftIndicator = z.infer<typeof DraftIndicator>;
export type DraftTask = z.infer<typeof DraftTask>;
export type PlanMetadata = z.infer<typeof PlanMetadata>;
export type DraftTableLayout = z.infer<typeof DraftTableLayout>;
