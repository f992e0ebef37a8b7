import { useTranslations } from 'next-intl';
import type { ConversationSummary } from '@/lib/views/types';
import { Detail } from './detail';

/** What the channel's message analysis (ACS for WhatsApp) found about the customer's messages. */
export function AnalysisPanel({ analysis }: { analysis: NonNullable<ConversationSummary['analysis']> }) {
  const t = useTranslations('analysis');
  const confidence = analysis.confidence !== null ? ` (${Math.round(analysis.confidence * 100)}%)` : '';
  return (
    <aside aria-label={t('panel')} className="border-b border-slate-200 dark:border-slate-700 bg-amber-50 dark:bg-amber-950 px-4 py-2 text-xs text-slate-700 dark:text-slate-300">
      <dl className="flex flex-wrap gap-x-4 gap-y-1">
        <Detail label={t('language')}>{analysis.language && `${analysis.language}${confidence}`}</Detail>
        <Detail label={t('intent')}>{analysis.intent}</Detail>
        <Detail label={t('keyPhrases')}>{analysis.keyPhrases.join(', ')}</Detail>
        <Detail label={t('translation')}>{analysis.translation}</Detail>
      </dl>
    </aside>
  );
}
