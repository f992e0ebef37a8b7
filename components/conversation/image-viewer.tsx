'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useModal } from '../ui/use-modal';

/** An image in the transcript: a thumbnail that opens a full-size viewer (Escape or Close shuts it). */
export function ImageAttachment({ url, name }: { url: string; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      {/* A link (its image stays an image to assistive tech), opening the viewer rather than a new tab. */}
      <a
        href={url}
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
        className="mt-1 block max-w-[70%] cursor-zoom-in"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- an authenticated API file, not a static asset */}
        <img src={url} alt={name} className="max-h-64 rounded border border-slate-200 dark:border-slate-700" />
      </a>
      {open && <ImageViewer url={url} name={name} onClose={() => setOpen(false)} />}
    </>
  );
}

function ImageViewer({ url, name, onClose }: { url: string; name: string; onClose: () => void }) {
  const { ref, onCancel } = useModal(onClose);
  const t = useTranslations('image');
  return (
    <dialog
      ref={ref}
      aria-label={name}
      onCancel={onCancel}
      onClick={(event) => event.target === ref.current && onClose()}
      className="m-auto max-h-[95vh] max-w-[95vw] rounded-lg bg-white p-2 backdrop:bg-slate-900/70 dark:bg-slate-900"
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- an authenticated API file, not a static asset */}
      <img src={url} alt={name} className="max-h-[80vh] max-w-[90vw] object-contain" />
      <div className="mt-2 flex items-center justify-between gap-4 text-sm">
        <span className="truncate">{name}</span>
        <span className="flex gap-2">
          <a href={url} download={name} className="rounded border border-slate-300 px-3 py-1 underline dark:border-slate-600">
            {t('download')}
          </a>
          <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1 dark:border-slate-600">
            {t('close')}
          </button>
        </span>
      </div>
    </dialog>
  );
}
