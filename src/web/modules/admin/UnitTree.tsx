import { List } from '@mantine/core';
import type { Unit } from '../../../shared/tenancy';

/** Units as nested lists, following parentId. */
export function UnitTree({ units, parentId = null }: { units: Unit[]; parentId?: string | null }) {
  const children = units
    .filter((u) => (u.parentId ?? null) === parentId || (parentId === null && u.parentId && !units.some((p) => p.id === u.parentId)))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (children.length === 0) return null;
  return (
    <List withPadding={parentId !== null} spacing={2}>
      {children.map((unit) => (
        <List.Item key={unit.id}>
          {unit.name}
          <UnitTree units={units} parentId={unit.id} />
        </List.Item>
      ))}
    </List>
  );
}

/** Units in tree order with their depth, for a parent picker. */
export function flattenUnits(units: Unit[], parentId: string | null = null, depth = 0): { unit: Unit; depth: number }[] {
  return units
    .filter((u) => (u.parentId ?? null) === parentId)
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((unit) => [{ unit, depth }, ...flattenUnits(units, unit.id, depth + 1)]);
}
