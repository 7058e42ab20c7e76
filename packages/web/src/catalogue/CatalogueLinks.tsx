import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import { useCatalogueLinks, useSaveCatalogueLinks, type CatalogueLinks as Links } from './api.ts';

/** Links between the plan's indicators and the shared catalogue: proposed by name, confirmed
 *  by the focal officer, so the province can compare communes. */
export function CatalogueLinks({ planId, canEdit }: { planId: number; canEdit: boolean }) {
  const { t } = useI18n();
  const query = useCatalogueLinks(planId);
  const [chosen, setChosen] = useState<Record<number, string | null>>({});
  const save = useSaveCatalogueLinks(planId, () => setChosen({}));
  if (query.isLoading || !query.data) return <Loader />;
  const { catalogue, indicators } = query.data;
  const options = catalogue.map((c) => ({ value: String(c.id), label: `${c.code} — ${c.name}` }));
  const valueOf = (i: Links['indicators'][number]) =>
    i.id in chosen
      ? chosen[i.id]!
      : i.catalogueId !== null
        ? String(i.catalogueId)
        : i.proposal
          ? String(i.proposal.catalogueId)
          : null;
  const pending = indicators
    .filter(
      (i) =>
        (i.id in chosen || (i.catalogueId === null && i.proposal)) &&
        valueOf(i) !== (i.catalogueId === null ? null : String(i.catalogueId)),
    )
    .map((i) => ({
      indicatorId: i.id,
      catalogueId: valueOf(i) === null ? null : Number(valueOf(i)),
    }));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('catalogue.help')}
      </Text>
      {save.error && <Alert color="red">{save.error.message}</Alert>}
      <Table.ScrollContainer minWidth={720}>
        <Table fz="xs" striped data-testid="catalogue-links">
          <Table.Tbody>
            {indicators.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td w={50}>{i.code}</Table.Td>
                <Table.Td>{i.name}</Table.Td>
                <Table.Td w={380}>
                  <Group gap={4} wrap="nowrap">
                    <Select
                      size="xs"
                      w={320}
                      clearable
                      searchable
                      disabled={!canEdit}
                      data={options}
                      value={valueOf(i)}
                      aria-label={`${t('catalogue.link')} ${i.code}`}
                      onChange={(v) => setChosen({ ...chosen, [i.id]: v })}
                    />
                    {i.catalogueId === null && i.proposal && !(i.id in chosen) && (
                      <Badge size="xs" color="yellow" variant="light">
                        {t('catalogue.proposed')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canEdit && (
        <Button
          w="fit-content"
          size="xs"
          disabled={pending.length === 0}
          loading={save.isPending}
          onClick={() => save.mutate(pending)}
        >
          {`${t('catalogue.confirm')} (${pending.length})`}
        </Button>
      )}
    </Stack>
  );
}
