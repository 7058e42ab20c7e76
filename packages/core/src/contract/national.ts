import { z } from 'zod';

// The national view's responses (GET /api/national/…): the server validates what it sends
// against these, the web app reads their types — one definition, no copies.

export const ProvinceFigures = z.object({
  provinceId: z.number().nullable(),
  name: z.string(),
  code: z.string().nullable(),
  communes: z.number().describe('Xã, phường đang hoạt động'),
  communesInRound: z.number().describe('Xã có kỳ báo cáo trong đợt'),
  communesReported: z.number().describe('Xã có ít nhất một đơn vị đã gửi báo cáo'),
  units: z.number().describe('Đơn vị phải báo cáo'),
  received: z.number(),
  onTime: z.number(),
  receivedPercent: z.number().nullable(),
  onTimePercent: z.number().nullable(),
  tasks: z.number(),
  donePercent: z.number().nullable(),
  overdue: z.number(),
});

export const NationalRollup = z.object({
  label: z.string().nullable(),
  labels: z.array(z.string()),
  provinces: z.array(ProvinceFigures),
  nation: ProvinceFigures,
});
export type NationalRollup = z.infer<typeof NationalRollup>;
export type ProvinceFigures = z.infer<typeof ProvinceFigures>;

export const IndicatorByProvince = z.object({
  provinceId: z.number(),
  name: z.string(),
  communes: z.number().describe('Xã đã báo cáo số liệu'),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});

export const IndicatorAcrossProvinces = z.object({
  label: z.string().nullable(),
  labels: z.array(z.string()),
  provinces: z.array(IndicatorByProvince),
});
export type IndicatorAcrossProvinces = z.infer<typeof IndicatorAcrossProvinces>;
