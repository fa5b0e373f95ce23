import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useRoles } from '../../app/session';
import { useOrganisationChoices } from '../supervision/queries';

/** The client contact's own organisation in the active provider, if any. */
export function useOwnOrganisation(): { id: string; name: string } | null {
  const { session } = useRoles();
  const m = session?.memberships.find((x) => x.providerId === session.providerId && x.role === 'client_contact' && x.organisationId);
  return m?.organisationId ? { id: m.organisationId, name: m.organisationName ?? '' } : null;
}

/**
 * The organisation a page is about: the client contact's own, else the one chosen in the
 * select (kept in the address as `?organisationId=`).
 */
export function useOrganisationParam() {
  const own = useOwnOrganisation();
  const { isAdmin } = useRoles();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('organisationId') ?? '';
  const canChoose = isAdmin;
  const organisationId = canChoose ? chosen || own?.id || '' : (own?.id ?? '');
  return {
    organisationId,
    own,
    canChoose,
    setOrganisationId: (id: string) =>
      setParams(
        (old) => {
          const next = new URLSearchParams(old);
          if (id) next.set('organisationId', id);
          else next.delete('organisationId');
          return next;
        },
        { replace: true },
      ),
  };
}

export function OrganisationSelect({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('measures');
  const choices = useOrganisationChoices();
  return (
    <NativeSelect
      label={t('common.organisation')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={{ base: '100%', sm: 360 }}
      data-testid="organisation-select"
    >
      <option value="">{t('common.choose')}</option>
      {choices.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </NativeSelect>
  );
}
