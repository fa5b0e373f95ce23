import { describe } from 'vitest';
import { itHasTheSameTextsInEveryLanguage } from '../../testing/texts.js';
import { intakeTexts } from './mail.js';

describe('intake mail texts', () => {
  itHasTheSameTextsInEveryLanguage(intakeTexts);
});
