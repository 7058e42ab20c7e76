import { z } from 'zod';

// Completeness and timeliness of unit reports (GET /api/plans/:id/compliance,
// /api/provinces/:id/compliance) and the provinces a user reads.

export const ComplianceFigures = z.object({
  expected: z.number(),
  received: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  /** received / expected, in percent (null when nothing is expected yet). */
  completeness: z.number().nullable(),
  /** on time / expected, in percent. */
  timeliness: z.number().nullable(),
});
export type ComplianceFigures = z.infer<typeof ComplianceFigures>;

export const PlanComplianceView = z.object({
  units: z.array(ComplianceFigures.extend({ unitId: z.number(), unitName: z.string() })),
  total: ComplianceFigures,
});
export type PlanComplianceView = z.infer<typeof PlanComplianceView>;
export const ProvinceComplianceView = z.array(
  ComplianceFigures.extend({
    communeId: z.number(),
    name: z.string(),
    code: z.string().nullable(),
  }),
);
export type ProvinceComplianceView = z.infer<typeof ProvinceComplianceView>;
export const ProvinceList = z.array(z.object({ id: z.number(), name: z.string() }));
