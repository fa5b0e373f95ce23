import { Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { ScrollTable } from './components';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The column that names the row: the card's title on a phone. */
  primary?: boolean;
  /** Left out of the phone card (e.g. a column that repeats the title). */
  hideOnPhone?: boolean;
}

export interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** The accessible name of the scrollable region and the list. */
  label: string;
  /** Below this width the table scrolls sideways on a tablet. */
  minWidth?: number;
  testId?: string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** Force a layout (tests); otherwise a phone (under 48em) gets cards. */
  phone?: boolean;
  striped?: boolean;
}

/**
 * One list component for every list page: a table on a desktop, a stack of cards on a phone, where
 * a seven-column table cannot be read. Each card shows the primary column as its title and the
 * other columns as label–value pairs, so nothing the table shows is lost.
 */
export function DataTable<T>({ rows, columns, rowKey, label, minWidth = 560, testId, empty, phone, striped = true }: DataTableProps<T>) {
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (rows.length === 0 && empty) return <>{typeof empty === 'string' ? <Text>{empty}</Text> : empty}</>;
  if (phone ?? narrow) {
    const primary = columns.find((c) => c.primary) ?? columns[0];
    const rest = columns.filter((c) => c !== primary && !c.hideOnPhone);
    return (
      <Stack gap="xs" component="ul" aria-label={label} data-testid={testId} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((row) => (
          <Paper component="li" key={rowKey(row)} withBorder p="sm" data-row>
            {primary && (
              <Text fw={600} mb={4}>
                {primary.cell(row)}
              </Text>
            )}
            <dl className="data-card">
              {rest.map((c) => (
                <div key={c.key}>
                  <dt>{c.header}</dt>
                  <dd>{c.cell(row)}</dd>
                </div>
              ))}
            </dl>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <ScrollTable minWidth={minWidth} label={label}>
      <Table striped={striped} highlightOnHover data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} scope="col">
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((c) => (
                <Table.Td key={c.key}>{c.cell(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
