import { useLabels } from '../../app/labels';
import { ROLES } from '../../app/types';

/** <option>s for every role, translated. */
export function RoleOptions() {
  const labels = useLabels();
  return (
    <>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {labels.role(role)}
        </option>
      ))}
    </>
  );
}
