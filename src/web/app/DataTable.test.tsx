import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type Column, DataTable } from './DataTable';

interface Row {
  id: string;
  name: string;
  city: string;
}
const rows: Row[] = [
  { id: '1', name: 'Aalto', city: 'Espoo' },
  { id: '2', name: 'Bergen kommune', city: 'Bergen' },
];
const columns: Column<Row>[] = [
  { key: 'name', header: 'Name', cell: (r) => r.name, primary: true },
  { key: 'city', header: 'City', cell: (r) => r.city },
];
const render = (phone: boolean, list = rows) =>
  renderToStaticMarkup(
    <MantineProvider>
      <DataTable rows={list} columns={columns} rowKey={(r) => r.id} label="Organisations" phone={phone} testId="t" empty="None yet" />
    </MantineProvider>,
  );

describe('DataTable', () => {
  it('is a table with column headers on a desktop', () => {
    const html = render(false);
    expect(html).toContain('<table');
    expect(html.match(/<th[^>]*scope="col"/g)).toHaveLength(2);
    expect(html).toContain('Bergen kommune');
  });

  it('is a list of cards on a phone, the primary column as title and every other column as a labelled value', () => {
    const html = render(true);
    expect(html).not.toContain('<table');
    expect(html.match(/<li/g)).toHaveLength(2);
    expect(html.match(/<dt>City<\/dt><dd>Espoo<\/dd>/g)).toHaveLength(1);
    expect(html).toContain('aria-label="Organisations"');
  });

  it('says so when there is nothing to list', () => {
    expect(render(false, [])).toContain('None yet');
    expect(render(false, [])).not.toContain('<table');
  });
});
