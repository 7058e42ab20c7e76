import { ActionIcon, Group, Table, Text, Tooltip } from '@mantine/core';
import type { DraftIndicator, DraftTask, FieldDoubt, PlanDraft } from '@tiendo/core';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';
import { DraftCell } from './DraftCell.tsx';
import type { RowKind } from './draftEdits.ts';
import classes from './DraftTable.module.css';

// The rows of one appendix, every cell editable, with the row operations a person needs to
// repair an import: add, merge with the next row, split at the cursor, remove.

export interface RowActions {
  update(index: number, patch: Partial<DraftIndicator> | Partial<DraftTask>): void;
  add(index: number): void;
  merge(index: number): void;
  split(index: number): void;
  remove(index: number): void;
  focus(index: number): void;
  cursor(index: number, position: number): void;
}

interface Props {
  draft: PlanDraft;
  kind: RowKind;
  indexes: number[];
  doubts: FieldDoubt[][];
  actions: RowActions;
}

type Column = { field: string; label: MessageKey; nullable: boolean };
const TASK_COLUMNS: Column[] = [
  { field: 'code', label: 'plan.code', nullable: false },
  { field: 'content', label: 'plan.task', nullable: false },
  { field: 'lead', label: 'plan.lead', nullable: true },
  { field: 'coordinate', label: 'plan.coordinate', nullable: true },
  { field: 'output', label: 'plan.output', nullable: true },
  { field: 'deadline', label: 'plan.deadline', nullable: true },
];
const INDICATOR_COLUMNS: Column[] = [
  { field: 'code', label: 'plan.code', nullable: false },
  { field: 'name', label: 'plan.indicator', nullable: false },
  { field: 'unit', label: 'plan.unit', nullable: true },
  { field: 'lead', label: 'plan.lead', nullable: true },
];

const WIDTHS: Record<string, number> = {
  code: 72,
  name: 340,
  content: 340,
  unit: 90,
  lead: 190,
  coordinate: 190,
  output: 170,
  deadline: 130,
};

function targetYears(draft: PlanDraft, indexes: number[]): string[] {
  const years = new Set(indexes.flatMap((i) => Object.keys(draft.indicators[i]!.targets)));
  return [...years].sort((a, b) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)));
}

/** A column's name as the table heads it: "Chỉ tiêu", "Chủ trì", "Mục tiêu 2027"… */
export function fieldLabel(field: string, kind: RowKind, t: (key: MessageKey) => string): string {
  if (field.startsWith('targets.')) {
    const year = field.slice('targets.'.length);
    return `${t('plan.targets')} ${year === 'all' ? t('plan.allYears') : year}`;
  }
  const column = (kind === 'tasks' ? TASK_COLUMNS : INDICATOR_COLUMNS).find(
    (c) => c.field === field,
  );
  return column ? t(column.label) : field;
}

export function DraftTable({ draft, kind, indexes, doubts, actions }: Props) {
  const { t } = useI18n();
  const columns = kind === 'tasks' ? TASK_COLUMNS : INDICATOR_COLUMNS;
  const years = kind === 'indicators' ? targetYears(draft, indexes) : [];
  return (
    <Table.ScrollContainer minWidth={kind === 'tasks' ? 1250 : 1000}>
      <Table withTableBorder verticalSpacing={4} data-testid={`draft-${kind}`}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.field} w={WIDTHS[c.field]}>
                {t(c.label)}
              </Table.Th>
            ))}
            {years.map((y) => (
              <Table.Th key={y} w={110}>
                {fieldLabel(`targets.${y}`, kind, t)}
              </Table.Th>
            ))}
            <Table.Th w={132} className={classes.actions} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indexes.flatMap((index, position) => {
            const row = draft[kind][index]! as unknown as Record<string, unknown>;
            const rowDoubts = doubts[index] ?? [];
            const doubtOf = (field: string) => rowDoubts.find((d) => d.field === field);
            const label = (text: string) => `${text} — ${t('review.row')} ${String(row.code)}`;
            const cells = [];
            const previous = position > 0 ? draft[kind][indexes[position - 1]!] : undefined;
            const group = row.group as string | null;
            if (group && group !== previous?.group) {
              cells.push(
                <Table.Tr key={`g${index}`} bg="gray.1">
                  <Table.Td colSpan={columns.length + years.length + 1}>
                    <Text size="sm" fw={600}>
                      {group}
                    </Text>
                  </Table.Td>
                </Table.Tr>,
              );
            }
            cells.push(
              <Table.Tr key={index} data-row={index}>
                {columns.map((c) => (
                  <Table.Td key={c.field} style={{ verticalAlign: 'top' }}>
                    <DraftCell
                      label={label(t(c.label))}
                      value={row[c.field] as string | null}
                      doubt={doubtOf(c.field)}
                      cell={`${kind}:${index}:${c.field}`}
                      nullable={c.nullable}
                      onFocus={() => actions.focus(index)}
                      onCursor={(p) => actions.cursor(index, p)}
                      onChange={(value) =>
                        actions.update(index, { [c.field]: c.nullable ? value : (value ?? '') })
                      }
                    />
                  </Table.Td>
                ))}
                {years.map((y) => (
                  <Table.Td key={y} style={{ verticalAlign: 'top' }}>
                    <DraftCell
                      label={label(fieldLabel(`targets.${y}`, kind, t))}
                      value={(row.targets as Record<string, string>)[y] ?? null}
                      doubt={doubtOf(`targets.${y}`)}
                      cell={`${kind}:${index}:targets.${y}`}
                      onFocus={() => actions.focus(index)}
                      onChange={(value) => {
                        const targets = { ...(row.targets as Record<string, string>) };
                        if (value === null || value.trim() === '') delete targets[y];
                        else targets[y] = value;
                        actions.update(index, { targets });
                      }}
                    />
                  </Table.Td>
                ))}
                <Table.Td className={classes.actions} style={{ verticalAlign: 'top' }}>
                  <RowButtons index={index} code={String(row.code)} actions={actions} />
                </Table.Td>
              </Table.Tr>,
            );
            return cells;
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RowButtons({
  index,
  code,
  actions,
}: {
  index: number;
  code: string;
  actions: RowActions;
}) {
  const { t } = useI18n();
  const buttons: Array<[MessageKey, string, () => void, string?]> = [
    ['review.addRow', '+', () => actions.add(index)],
    ['review.mergeRow', '⤓', () => actions.merge(index)],
    ['review.splitRow', '✂', () => actions.split(index)],
    ['review.removeRow', '✕', () => actions.remove(index), 'red'],
  ];
  return (
    <Group gap={4} wrap="nowrap">
      {buttons.map(([key, symbol, onClick, color]) => (
        <Tooltip key={key} label={t(key)} openDelay={400}>
          <ActionIcon
            variant="light"
            color={color}
            size="sm"
            aria-label={`${t(key)} ${code}`}
            onClick={onClick}
          >
            {symbol}
          </ActionIcon>
        </Tooltip>
      ))}
    </Group>
  );
}
