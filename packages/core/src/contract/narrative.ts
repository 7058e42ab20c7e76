import { z } from 'zod';
import { IsoDay } from '../calendar/dates.ts';

// What the focal officer writes around a period report's figures (GET/PUT
// /api/periods/:id/narrative): the request body, the response and the web form's type.

const line = (max: number) => z.string().trim().max(max);

export const Narrative = z.object({
  number: line(60).describe('Số, ký hiệu, ví dụ "125/BC-UBND"'),
  place: line(60).describe('Địa danh ghi ở dòng ngày tháng, ví dụ "Kiến Hưng"'),
  date: IsoDay,
  title: line(500),
  assessment: line(20_000).describe('Đánh giá chung kết quả thực hiện'),
  direction: line(20_000).describe('Phương hướng, nhiệm vụ kỳ tới'),
  recipients: z.array(line(200)).max(30),
  signerAuthority: line(100),
  signerPosition: line(100),
  signerName: line(100),
});
export type Narrative = z.infer<typeof Narrative>;

/** The narrative as stored, with its version (0: a first draft from the plan, never saved). */
export const NarrativeView = z.object({ version: z.number(), narrative: Narrative });
export type NarrativeView = z.infer<typeof NarrativeView>;
