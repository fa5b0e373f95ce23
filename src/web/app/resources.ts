// The app's strings: one namespace per domain module, so each module keeps its own
// (useTranslation('intake')). Every namespace exists in the four languages (resources.test.ts).
import en from '../locales/en.json';
import fi from '../locales/fi.json';
import nb from '../locales/nb.json';
import sv from '../locales/sv.json';
import intakeEn from '../modules/intake/locales/en.json';
import intakeFi from '../modules/intake/locales/fi.json';
import intakeNb from '../modules/intake/locales/nb.json';
import intakeSv from '../modules/intake/locales/sv.json';
import measuresEn from '../modules/measures/locales/en.json';
import measuresFi from '../modules/measures/locales/fi.json';
import measuresNb from '../modules/measures/locales/nb.json';
import measuresSv from '../modules/measures/locales/sv.json';
import supervisionEn from '../modules/supervision/locales/en.json';
import supervisionFi from '../modules/supervision/locales/fi.json';
import supervisionNb from '../modules/supervision/locales/nb.json';
import supervisionSv from '../modules/supervision/locales/sv.json';

export const namespaces = ['translation', 'intake', 'supervision', 'measures'] as const;

export const resources = {
  en: { translation: en, intake: intakeEn, supervision: supervisionEn, measures: measuresEn },
  fi: { translation: fi, intake: intakeFi, supervision: supervisionFi, measures: measuresFi },
  sv: { translation: sv, intake: intakeSv, supervision: supervisionSv, measures: measuresSv },
  nb: { translation: nb, intake: intakeNb, supervision: supervisionNb, measures: measuresNb },
};
