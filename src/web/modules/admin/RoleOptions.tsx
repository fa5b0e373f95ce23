import { roles } from '../../../shared/roles';
import { useLabels } from '../../app/labels';

/** <option>s for every role, translated. */
export function RoleOptions() {
  const labels = useLabels();
  return (
    <>
      {roles.map((role) => (
        <option key={role} value={role}>
          {labels.role(role)}
        </option>
      ))}
    </>
  );
}
