import type { ConversationSummary } from '@/lib/views/types';

/** What the channel's message analysis (ACS for WhatsApp) found about the customer's messages. */
export function AnalysisPanel({ analysis }: { analysis: NonNullable<ConversationSummary['analysis']> }) {
  return (
    <aside aria-label="Analysis" className="border-b border-slate-200 bg-amber-50 px-4 py-2 text-xs text-slate-700">
      <dl className="flex flex-wrap gap-x-4 gap-y-1">
        {analysis.language && (
          <div>
            <dt className="inline font-medium">Language: </dt>
            <dd className="inline">
              {analysis.language}
              {analysis.confidence !== null && ` (${Math.round(analysis.confidence * 100)}%)`}
            </dd>
          </div>
        )}
        {analysis.intent && (
          <div>
            <dt className="inline font-medium">Intent: </dt>
            <dd className="inline">{analysis.intent}</dd>
          </div>
        )}
        {analysis.keyPhrases.length > 0 && (
          <div>
            <dt className="inline font-medium">Key phrases: </dt>
            <dd className="inline">{analysis.keyPhrases.join(', ')}</dd>
          </div>
        )}
        {analysis.translation && (
          <div>
            <dt className="inline font-medium">Translation: </dt>
            <dd className="inline">{analysis.translation}</dd>
          </div>
        )}
      </dl>
    </aside>
  );
}
