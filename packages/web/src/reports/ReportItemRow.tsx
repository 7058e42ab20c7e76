import { useI18n } from '../i18n/i18n.tsx';
import type { ReportItem } from './reportItems.ts';
import classes from './ReportItemRow.module.css';

const STATE_COLORS: Record<string, string> = {
  done: classes.teal!,
  in_progress: classes.blue!,
  not_started: classes.gray!,
};

const chip = (...names: Array<string | undefined>) => [classes.chip, ...names].join(' ');

/** One item of the report as a compact row: code, text, who leads, where it stands. A tap
 *  opens it for writing (or reviewing) right below. */
export function ReportItemRow({
  item,
  open,
  onToggle,
}: {
  item: ReportItem;
  open: boolean;
  onToggle(): void;
}) {
  const { t } = useI18n();
  const state =
    item.kind === 'task' && item.summary
      ? t(`report.state.${item.summary}` as Parameters<typeof t>[0])
      : item.summary;
  return (
    <button
      type="button"
      className={classes.row}
      onClick={onToggle}
      aria-expanded={open}
      data-testid={`row-${item.kind}-${item.code}`}
    >
      <span className={classes.text}>
        <span className={classes.code}>{`${item.code}. `}</span>
        {item.text}
      </span>
      <span className={classes.chips}>
        {item.kind === 'task' && (
          <span
            className={chip(classes.outline, item.role === 'lead' ? classes.blue : classes.gray)}
          >
            {t(item.role === 'lead' ? 'report.lead' : 'report.coordinate')}
          </span>
        )}
        {item.updated ? (
          <span className={chip(STATE_COLORS[item.summary ?? ''] ?? classes.teal)}>
            {state ?? t('report.row.updated')}
          </span>
        ) : (
          <span className={chip(classes.gray)}>{t('report.row.todo')}</span>
        )}
        {item.flagged && !item.explained && (
          <span className={chip(classes.red)}>{t('report.row.explain')}</span>
        )}
        {item.commented && (
          <span className={chip(classes.orange)}>{t('report.row.commented')}</span>
        )}
      </span>
    </button>
  );
}
