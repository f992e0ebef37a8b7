// The survey's words in the customer's language: the `survey` namespace of the console's catalogues.
import en from '../../i18n/messages/en.json';
import zhCN from '../../i18n/messages/zh-CN.json';
import type { SurveyTexts } from '../../protocol/survey';

type Catalogue = typeof en.survey;

function textsOf(catalogue: Catalogue): SurveyTexts {
  const { question, choices, commentLabel, submit, ratingRequired, textPrompt } = catalogue;
  return { question, choices: ['1', '2', '3', '4', '5'].map((rating) => choices[rating as keyof Catalogue['choices']]), commentLabel, submit, ratingRequired, textPrompt };
}

/** Chinese for a `zh…` locale (the channel's `locale` of the customer's last message), English otherwise. */
export function surveyTexts(locale: string | null): SurveyTexts {
  return textsOf(locale?.toLowerCase().startsWith('zh') ? zhCN.survey : en.survey);
}
