import { useTranslation } from 'react-i18next';
import { type ServiceNames, serviceNameIn } from '../../shared/processes';

/** A service's name in the reader's language (or the nearest one it is named in). */
export function useServiceName(): (names: ServiceNames) => string {
  const { i18n } = useTranslation();
  return (names) => serviceNameIn(names, i18n.language);
}
