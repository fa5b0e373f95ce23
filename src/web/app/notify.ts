import { notifications } from '@mantine/notifications';
import i18n from './i18n';

/** A short success message; the close button gets a translated name. */
export function notifySuccess(message: string) {
  notifications.show({
    color: 'green',
    message,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
