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

  describe('options a list page may need', () => {
    const withOptions = (phone: boolean, list = rows) =>
      renderToStaticMarkup(
        <MantineProvider>
          <DataTable
            rows={list}
            columns={[
              { key: 'name', header: 'Name', cell: (r: Row) => r.name, primary: true, rowHeader: true },
              { key: 'city', header: 'City', cell: (r: Row) => r.city },
              {
                key: 'act',
                header: 'Actions',
                action: true,
                cell: (r: Row) => (r.id === '1' ? <button type="button">Edit {r.name}</button> : null),
              },
            ]}
            rowKey={(r) => r.id}
            label="Organisations"
            caption="Every organisation"
            rowTestId={(r) => `org-${r.id}`}
            rowStyle={(r) => (r.id === '2' ? { boxShadow: 'inset 4px 0 0 red' } : undefined)}
            total={{ label: 'Total', value: '2 rows' }}
            phone={phone}
          />
        </MantineProvider>,
      );

    it('on a desktop: a caption, a row header, a test id and a highlight per row, a footer with the total', () => {
      const html = withOptions(false);
      expect(html).toContain('<caption');
      expect(html).toContain('Every organisation');
      expect(html.match(/<th[^>]*scope="row"/g)).toHaveLength(3); // two row headers and the total
      expect(html).toMatch(/<tr[^>]*data-testid="org-1"/);
      expect(html.match(/<tr[^>]*data-testid="org-2"[^>]*>/)?.[0]).toContain('box-shadow:inset 4px 0 0 red');
      expect(html.match(/<tr[^>]*data-testid="org-1"[^>]*>/)?.[0]).not.toContain('box-shadow');
      expect(html).toContain('<tfoot');
      expect(html).toMatch(/colSpan="2"|colspan="2"/);
      expect(html).toContain('2 rows');
    });

    it('on a phone: the caption above the cards, actions without a label, the total under the cards', () => {
      const html = withOptions(true);
      expect(html).not.toContain('<table');
      expect(html).toContain('Every organisation');
      expect(html).toMatch(/<li[^>]*data-testid="org-1"/);
      expect(html.match(/<li[^>]*data-testid="org-2"[^>]*>/)?.[0]).toContain('box-shadow:inset 4px 0 0 red');
      expect(html).not.toContain('<dt>Actions</dt>');
      expect(html.match(/<button/g)).toHaveLength(1);
      expect(html).toContain('Edit Aalto');
      expect(html).toContain('2 rows');
      // The title is a block, so a cell with paragraphs does not nest a <p> in a <p>.
      expect(html).not.toMatch(/<p[^>]*>Aalto/);
    });
  });

  describe('a row note (a row with nothing to show column by column)', () => {
    const withNote = (phone: boolean) =>
      renderToStaticMarkup(
        <MantineProvider>
          <DataTable
            rows={rows}
            columns={[
              { key: 'name', header: 'Name', cell: (r: Row) => r.name, primary: true, rowHeader: true },
              { key: 'city', header: 'City', cell: (r: Row) => r.city },
              { key: 'act', header: 'Actions', action: true, cell: (r: Row) => <button type="button">Edit {r.name}</button> },
            ]}
            rowKey={(r) => r.id}
            label="Organisations"
            rowNote={(r) => (r.id === '2' ? <span data-testid="note">Too few to show</span> : undefined)}
            phone={phone}
          />
        </MantineProvider>,
      );

    it('on a desktop: the row header, then one cell across the other columns', () => {
      const html = withNote(false);
      const row = html.match(/<tr[^>]*>(?:(?!<\/tr>).)*Bergen kommune(?:(?!<\/tr>).)*<\/tr>/)?.[0] ?? '';
      expect(row).toMatch(/<th[^>]*scope="row"[^>]*>Bergen kommune<\/th>/);
      expect(row).toMatch(/<td[^>]*colSpan="2"[^>]*>|<td[^>]*colspan="2"[^>]*>/);
      expect(row).toContain('Too few to show');
      expect(row).not.toContain('Bergen</td>');
      expect(row).not.toContain('<button');
      expect(html).toContain('Espoo');
    });

    it('on a phone: the title and the note, no values or buttons', () => {
      const html = withNote(true);
      const card = html.match(/<li[^>]*>(?:(?!<\/li>).)*Bergen kommune(?:(?!<\/li>).)*<\/li>/)?.[0] ?? '';
      expect(card).toContain('Too few to show');
      expect(card).not.toContain('<dl');
      expect(card).not.toContain('<button');
      expect(html.match(/<button/g)).toHaveLength(1);
    });
  });
});
