'use client';

import { useTranslations } from 'next-intl';
import type { ActivityView } from '@/lib/views/types';

type HeroCardView = ActivityView['heroCards'][number];

/** Inline images are shown; web images are links (the console's CSP loads no other origin's images); anything else is left out. */
const isInline = (url: string) => /^data:image\//i.test(url);
const isWeb = (url: string) => /^https?:/i.test(url);

/** A bot's hero or thumbnail card as the customer's client shows it: images, title, subtitle, text, buttons (read-only). */
export function HeroCard({ view }: { view: HeroCardView }) {
  const t = useTranslations('cards');
  const { card, kind } = view;
  const images = (card.images ?? []).filter((image) => isInline(image.url) || isWeb(image.url));
  const buttons = (card.buttons ?? []).filter((button) => button.title);
  return (
    <section
      aria-label={t('heroCard', { title: card.title ?? card.text ?? '' })}
      className={`mt-1 max-w-[70%] rounded border border-slate-200 bg-white p-2 text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${kind === 'thumbnail' ? 'flex gap-2' : ''}`}
    >
      {images.map((image, index) =>
        isInline(image.url) ? (
          // eslint-disable-next-line @next/next/no-img-element -- the bot's inline image, shown as the channel would
          <img key={index} src={image.url} alt={image.alt ?? ''} className={kind === 'thumbnail' ? 'h-16 w-16 rounded object-cover' : 'mb-2 max-h-48 w-full rounded object-cover'} />
        ) : (
          <a key={index} href={image.url} target="_blank" rel="noreferrer noopener" className="mb-1 block break-all text-xs text-indigo-700 underline dark:text-indigo-300">
            {t('heroImage', { name: image.alt || image.url })}
          </a>
        ),
      )}
      <div>
        {card.title && <p className="font-semibold">{card.title}</p>}
        {card.subtitle && <p className="text-sm text-slate-600 dark:text-slate-300">{card.subtitle}</p>}
        {card.text && <p className="mt-1 whitespace-pre-wrap text-sm">{card.text}</p>}
        {buttons.length > 0 && (
          <ul aria-label={t('heroButtons')} className="mt-2 flex flex-wrap gap-1">
            {buttons.map((button, index) => (
              <li key={index} className="rounded border border-indigo-300 px-2 text-xs text-indigo-700 dark:border-indigo-700 dark:text-indigo-300">
                {button.title}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
