import type { Kysely } from 'kysely';
import { afterCommittee, Narrative } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { conflict } from '../http/errors.ts';
import { nowIso, todayInVietnam } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import type { PeriodSummary } from './periodSummary.ts';

// What the focal officer writes around the figures: the report's number, place and date, the
// overall assessment, the direction for next period, recipients, and who signs.

export { Narrative };

/** What a first draft is made from: the plan's place and signer, what the report covers. */
export interface NarrativeSource {
  period: Pick<PeriodSummary['period'], 'communeName' | 'provinceName' | 'planNumber' | 'label'>;
  metadata: PeriodSummary['metadata'];
}

/** A first draft from the plan itself, so the officer edits rather than types. */
export function defaultNarrative(summary: NarrativeSource): Narrative {
  const { period, metadata } = summary;
  const place = (metadata.locality ?? period.communeName).replace(/^(xã|phường|đặc khu)\s+/i, '');
  const signer = metadata.signer;
  return {
    number: '',
    place,
    date: todayInVietnam(),
    title: `Kết quả thực hiện Kế hoạch ${period.planNumber ? `số ${period.planNumber} ` : ''}${period.label.toLowerCase()}`,
    assessment: '',
    direction: '',
    recipients: [
      period.provinceName
        ? `- UBND ${afterCommittee(period.provinceName)} (để b/c);`
        : '- Cấp trên (để b/c);',
      '- Thường trực Đảng ủy, HĐND xã;',
      '- Chủ tịch, các PCT UBND xã;',
      '- Các cơ quan, đơn vị;',
      '- Lưu: VT.',
    ],
    signerAuthority: signer?.authority?.trim() || 'TM. ỦY BAN NHÂN DÂN',
    signerPosition: signer?.position || 'CHỦ TỊCH',
    signerName: signer?.name ?? '',
  };
}

export async function loadNarrative(db: Kysely<Database>, summary: PeriodSummary) {
  const row = await db
    .selectFrom('period_narratives')
    .selectAll()
    .where('period_id', '=', summary.period.id)
    .executeTakeFirst();
  if (!row) return { version: 0, narrative: defaultNarrative(summary) };
  return { version: row.version, narrative: Narrative.parse(JSON.parse(row.content_json)) };
}

export async function saveNarrative(
  db: Kysely<Database>,
  periodId: number,
  version: number,
  narrative: Narrative,
  userId: number,
): Promise<number> {
  return atomically(db, async (db) => {
    const content_json = JSON.stringify(narrative);
    const now = nowIso();
    if (version === 0) {
      const inserted = await db
        .insertInto('period_narratives')
        .values({ period_id: periodId, content_json, updated_at: now, updated_by: userId })
        .onConflict((oc) => oc.column('period_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw conflict(null);
    } else {
      const result = await db
        .updateTable('period_narratives')
        .set({ content_json, version: version + 1, updated_at: now, updated_by: userId })
        .where('period_id', '=', periodId)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw conflict(null);
    }
    await recordAudit(db, {
      userId,
      entity: 'period',
      entityId: periodId,
      action: 'edit_narrative',
      after: narrative,
    });
    return version + 1;
  });
}
