'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Dialog } from '../ui/dialog';
import { Button } from '@/components/ui/button';

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
  const t = useTranslations('image');
  return (
    <Dialog label={name} onClose={onClose} closeOnBackdrop className="max-h-[95vh] max-w-[95vw] p-2">
      {/* eslint-disable-next-line @next/next/no-img-element -- an authenticated API file, not a static asset */}
      <img src={url} alt={name} className="max-h-[80vh] max-w-[90vw] object-contain" />
      <div className="mt-2 flex items-center justify-between gap-4 text-sm">
        <span className="truncate">{name}</span>
        <span className="flex gap-2">
          <a href={url} download={name} className="rounded border border-slate-300 px-3 py-1 underline dark:border-slate-600">
            {t('download')}
          </a>
          <Button variant="secondary" size="none" onClick={onClose} className="px-3 py-1">
            {t('close')}
          </Button>
        </span>
      </div>
    </Dialog>
  );
}
