import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Set the document title for the current page. */
export function usePageTitle(title: string) {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} – ${app}` : app;
  }, [title, app]);
}
