'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { checkUpload } from '@/lib/shared/upload-limits';
import type { AttachmentView } from '@/lib/views/types';
import { uploadAttachment } from '../../api/upload-attachment';
import { useErrorMessage } from '../../ui/error-text';

export interface PendingFile {
  key: string;
  name: string;
  progress: number;
  stored?: AttachmentView;
  error?: string;
}

/** Files the rep attaches (picker, drop or paste): each checked against the channel's limits, then uploaded at once with its progress. */
export function useUploads(conversationId: string, channel: string | undefined) {
  const t = useTranslations('composer');
  const describeError = useErrorMessage();
  const [files, setFiles] = useState<PendingFile[]>([]);

  function add(selected: File[]) {
    for (const file of selected) {
      const key = crypto.randomUUID();
      const update = (patch: Partial<PendingFile>) => setFiles((all) => all.map((item) => (item.key === key ? { ...item, ...patch } : item)));
      // The channel's limits, before a byte is uploaded.
      const refusal = checkUpload(channel ?? '', file);
      if (refusal) {
        const error = refusal.code === 'tooLarge' ? t('tooLarge', { megabytes: String(Math.round(refusal.maxBytes / 1024 / 1024)) }) : t('wrongType');
        setFiles((all) => [...all, { key, name: file.name, progress: 0, error }]);
        continue;
      }
      setFiles((all) => [...all, { key, name: file.name, progress: 0 }]);
      uploadAttachment(conversationId, file, (progress) => update({ progress }), { failed: t('uploadFailed'), network: t('uploadNetwork') }).then(
        (stored) => update({ stored, progress: 1 }),
        (error: unknown) => update({ error: describeError(error).text }),
      );
    }
  }

  return {
    files,
    add,
    remove: (key: string) => setFiles((all) => all.filter((item) => item.key !== key)),
    clear: () => setFiles([]),
    /** Still uploading: the message waits. */
    uploading: files.some((file) => !file.stored && !file.error),
    stored: () => files.flatMap((file) => (file.stored ? [file.stored] : [])),
  };
}
