import 'i18next';
import type { Messages } from './en';

// Typed keys: `t('home.heading')` is checked against the English messages at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
