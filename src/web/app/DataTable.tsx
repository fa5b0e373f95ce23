import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { CSSProperties, ReactNode } from 'react';
import { ScrollTable } from './components';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The column that names the row: the card's title on a phone. */
  primary?: boolean;
  /** Left out of the phone card (e.g. a column that repeats the title). */
  hideOnPhone?: boolean;
  /** On a desktop the cell is the row's header (`<th scope="row">`). */
  rowHeader?: boolean;
  /** Buttons or links that act on the row: on a phone shown under the card's values, without a label. */
  action?: boolean;
  /** Right-aligned on a desktop (amounts). */
  align?: 'right';
  /** The cell does not wrap on a desktop (a badge keeps its whole word). */
  nowrap?: boolean;
  /** Font weight of a row-header cell on a desktop (a long question reads better at 400). */
  fw?: number;
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
  withTableBorder?: boolean;
  /** The table's caption; on a phone a line above the cards. */
  caption?: ReactNode;
  /** A test id on each row (the `<tr>` on a desktop, the card on a phone). */
  rowTestId?: (row: T) => string;
  /** A per-row highlight (e.g. an open crisis request), on the row or the card. */
  rowStyle?: (row: T) => CSSProperties | undefined;
  /** A total under the rows: a footer row on a desktop, a line under the cards on a phone. */
  total?: { label: ReactNode; value: ReactNode };
  /**
   * A row with nothing to show column by column (e.g. a month withheld to protect anonymity): when
   * this returns something, it stands in one cell across every column after the row headers on a
   * desktop, and under the card's title on a phone, instead of a row of empty values.
   */
  rowNote?: (row: T) => ReactNode;
}

/**
 * One list component for every list page: a table on a desktop, a stack of cards on a phone, where
 * a seven-column table cannot be read. Each card shows the primary column as its title and the
 * other columns as label–value pairs, so nothing the table shows is lost.
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  label,
  minWidth = 560,
  testId,
  empty,
  phone,
  striped = true,
  withTableBorder,
  caption,
  rowTestId,
  rowStyle,
  total,
  rowNote,
}: DataTableProps<T>) {
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (rows.length === 0 && empty) return <>{typeof empty === 'string' ? <Text>{empty}</Text> : empty}</>;
  if (phone ?? narrow) {
    const primary = columns.find((c) => c.primary) ?? columns[0];
    const rest = columns.filter((c) => c !== primary && !c.hideOnPhone);
    const values = rest.filter((c) => !c.action);
    const actions = rest.filter((c) => c.action);
    const cards = (
      <Stack gap="xs" component="ul" aria-label={label} data-testid={testId} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((row) => {
          const note = rowNote?.(row);
          const buttons =
            note == null ? actions.map((c) => ({ key: c.key, node: c.cell(row) })).filter((a) => a.node != null && a.node !== false) : [];
          return (
            <Paper component="li" key={rowKey(row)} withBorder p="sm" data-row data-testid={rowTestId?.(row)} style={rowStyle?.(row)}>
              {primary && (
                <Text component="div" fw={600} mb={4}>
                  {primary.cell(row)}
                </Text>
              )}
              {note != null && <div>{note}</div>}
              {note == null && values.length > 0 && (
                <dl className="data-card">
                  {values.map((c) => (
                    <div key={c.key}>
                      <dt>{c.header}</dt>
                      <dd>{c.cell(row)}</dd>
                    </div>
                  ))}
                </dl>
              )}
              {buttons.length > 0 && (
                <Group gap="xs" mt="xs">
                  {buttons.map((a) => (
                    <div key={a.key}>{a.node}</div>
                  ))}
                </Group>
              )}
            </Paper>
          );
        })}
      </Stack>
    );
    if (!caption && !total) return cards;
    return (
      <Stack gap="xs">
        {caption && (
          <Text size="sm" c="dimmed">
            {caption}
          </Text>
        )}
        {cards}
        {total && (
          <Group justify="space-between" px="sm" data-total>
            <Text fw={700}>{total.label}</Text>
            <Text fw={700}>{total.value}</Text>
          </Group>
        )}
      </Stack>
    );
  }
  const cellProps = (c: Column<T>) => ({
    ta: c.align,
    style: c.nowrap ? ({ whiteSpace: 'nowrap' } as const) : undefined,
  });
  return (
    <ScrollTable minWidth={minWidth} label={label}>
      <Table striped={striped} withTableBorder={withTableBorder} highlightOnHover data-testid={testId}>
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} scope="col" ta={c.align}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const note = rowNote?.(row);
            const headers = note == null ? [] : columns.filter((c) => c.rowHeader);
            const cells = note == null ? columns : headers;
            return (
              <Table.Tr key={rowKey(row)} data-testid={rowTestId?.(row)} style={rowStyle?.(row)}>
                {cells.map((c) =>
                  c.rowHeader ? (
                    <Table.Th key={c.key} scope="row" fw={c.fw} {...cellProps(c)}>
                      {c.cell(row)}
                    </Table.Th>
                  ) : (
                    <Table.Td key={c.key} {...cellProps(c)}>
                      {c.cell(row)}
                    </Table.Td>
                  ),
                )}
                {note != null && <Table.Td colSpan={Math.max(1, columns.length - headers.length)}>{note}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        {total && (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={Math.max(1, columns.length - 1)}>
                {total.label}
              </Table.Th>
              <Table.Td ta="right" fw={700}>
                {total.value}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </ScrollTable>
  );
}
