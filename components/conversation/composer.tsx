'use client';

import { useTranslations } from 'next-intl';
import { useLayoutEffect, useRef, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import type { AdaptiveCardView, AgentView, AttachmentView } from '@/lib/views/types';
import { useConversation } from '../api/conversation';
import { useSendMessage } from '../api/send-message';
import { useSendTyping } from '../api/send-typing';
import { uploadAttachment } from '../api/upload-attachment';
import { useCannedMenu } from './canned-responses';
import { CardMenu } from './card-menu';
import { checkUpload } from '@/lib/shared/upload-limits';
import { channelTakesCards } from './card-templates';
import { EmojiButton } from './emoji-button';
import { suggestedRepliesOf } from './suggested-replies';
import { useReplyWindow } from './reply-window';
import { TemplatePicker, type ChosenTemplate } from './template-picker';
import { ModalDialog } from '../ui/modal-dialog';
import { useErrorMessage } from '../ui/error-text';

const TYPING_EVERY_MS = 3_000;

interface PendingFile {
  key: string;
  name: string;
  progress: number;
  stored?: AttachmentView;
  error?: string;
}

export function Composer({
  conversationId,
  agent,
  replyWindowEndsAt = null,
  notesOnly = false,
}: {
  conversationId: string;
  agent: AgentView;
  replyWindowEndsAt?: string | null;
  /** A consultant not yet added to the customer conversation writes in the private consult thread only. */
  notesOnly?: boolean;
}) {
  const replyWindow = useReplyWindow(replyWindowEndsAt);
  const describeError = useErrorMessage();
  const t = useTranslations('composer');
  // Drafts survive switching conversations and reloads (this browser only).
  const draftKey = `draft:${conversationId}`;
  const [text, setText] = useState(() => (typeof window === 'undefined' ? '' : (window.localStorage.getItem(draftKey) ?? '')));
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [suggestions, setSuggestions] = useState<string | null>(null);
  const [noteChosen, setNote] = useState(false);
  const [templateOpen, setTemplateOpen] = useState(false);
  const [template, setTemplate] = useState<ChosenTemplate | null>(null);
  const note = notesOnly || noteChosen;
  const send = useSendMessage();
  const typing = useSendTyping();
  const lastTyping = useRef(0);
  const uploading = files.some((file) => !file.stored && !file.error);
  const conversation = useConversation(conversationId).data;
  const customer = conversation?.customerName ?? t('customerFallback');
  const message = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes once an inserted text (emoji, canned response) is rendered.
  const caretAfterInsert = useRef<number | null>(null);
  useLayoutEffect(() => {
    const box = message.current;
    if (caretAfterInsert.current === null || !box) return;
    box.focus();
    box.setSelectionRange(caretAfterInsert.current, caretAfterInsert.current);
    caretAfterInsert.current = null;
  }, [text]);

  /** Replaces text[start, end) with `value` and puts the caret after it. */
  function replace(start: number, end: number, value: string) {
    caretAfterInsert.current = start + value.length;
    onChange(text.slice(0, start) + value + text.slice(end));
  }
  const canned = useCannedMenu(customer, replace);

  function insertAtCaret(value: string) {
    const box = message.current;
    replace(box?.selectionStart ?? text.length, box?.selectionEnd ?? text.length, value);
  }

  function postCard(card: AdaptiveCardView) {
    send.mutate({
      conversationId,
      text: '',
      clientId: crypto.randomUUID(),
      agentId: agent.id,
      agentName: agent.displayName,
      attachments: [],
      suggestedActions: [],
      cards: [card],
      note: false,
    });
  }

  /** Outside WhatsApp's window: an approved template instead of free text. */
  function sendTemplate() {
    if (!template) return;
    send.mutate({
      conversationId,
      text: template.text,
      clientId: crypto.randomUUID(),
      agentId: agent.id,
      agentName: agent.displayName,
      attachments: [],
      suggestedActions: [],
      note: false,
      template: template.template,
    });
    setTemplateOpen(false);
    setTemplate(null);
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const message = text.trim();
    const attachments = files.flatMap((file) => (file.stored ? [file.stored] : []));
    if ((!message && attachments.length === 0) || uploading) return;
    const suggestedActions = suggestedRepliesOf(suggestions ?? '');
    send.mutate({
      conversationId,
      text: message,
      clientId: crypto.randomUUID(),
      agentId: agent.id,
      agentName: agent.displayName,
      attachments,
      suggestedActions: note ? [] : suggestedActions,
      note,
    });
    setText('');
    window.localStorage.removeItem(draftKey);
    setFiles([]);
    setSuggestions(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (canned.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  }

  function onChange(value: string) {
    setText(value);
    if (value) window.localStorage.setItem(draftKey, value);
    else window.localStorage.removeItem(draftKey);
    const now = Date.now();
    // Never signal typing to the customer while writing a private note.
    if (!note && value.trim() && now - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = now;
      typing.mutate(conversationId);
    }
  }

  function onFiles(event: ChangeEvent<HTMLInputElement>) {
    addFiles(Array.from(event.target.files ?? []));
    event.target.value = '';
  }

  /** Files from the picker, a drop or a paste: each uploads at once, with its progress shown. */
  function addFiles(selected: File[]) {
    for (const file of selected) {
      const key = crypto.randomUUID();
      const update = (patch: Partial<PendingFile>) => setFiles((all) => all.map((item) => (item.key === key ? { ...item, ...patch } : item)));
      // The channel's limits, before a byte is uploaded.
      const refusal = checkUpload(conversation?.channel ?? '', file);
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

  return (
    <>
      <form
        onSubmit={submit}
        onDragOver={(event) => event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault();
          addFiles(Array.from(event.dataTransfer.files));
        }}
        className="flex flex-col gap-2 border-t border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-3"
      >
        {replyWindow.label && (
          <p role="status" className={replyWindow.open ? 'text-xs text-slate-500 dark:text-slate-400' : 'text-sm text-red-700 dark:text-red-400'}>
            {replyWindow.label}
          </p>
        )}
        {!replyWindow.open && !note && (
          <button type="button" onClick={() => setTemplateOpen(true)} className="self-start rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
            {t('templates')}
          </button>
        )}
        {files.length > 0 && (
          <ul aria-label={t('attachments')} className="flex flex-wrap gap-2 text-sm">
            {files.map((file) => (
              <li key={file.key} className="flex items-center gap-2 rounded border border-slate-200 dark:border-slate-700 px-2 py-1">
                <span className="max-w-48 truncate">{file.name}</span>
                {file.error ? (
                  <span className="text-red-700 dark:text-red-400">{file.error}</span>
                ) : (
                  <progress aria-label={t('uploading', { name: file.name })} value={file.progress} max={1} className="w-16" />
                )}
                <button type="button" aria-label={t('remove', { name: file.name })} onClick={() => setFiles((all) => all.filter((item) => item.key !== file.key))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {canned.list}
        {suggestions !== null && (
          <label className="flex items-center gap-2 text-sm">
            <span className="shrink-0 text-slate-600 dark:text-slate-300">{t('suggestedReplies')}</span>
            <input
              aria-label={t('suggestedReplies')}
              value={suggestions}
              onChange={(event) => setSuggestions(event.target.value)}
              placeholder={t('suggestionsPlaceholder')}
              className="min-w-0 flex-1 rounded border border-slate-300 dark:border-slate-600 px-2 py-1"
            />
          </label>
        )}
        <div className="flex gap-2">
          <textarea
            ref={message}
            aria-label={t('message')}
            {...canned.inputProps}
            rows={2}
            value={text}
            onChange={(event) => {
              onChange(event.target.value);
              canned.track(event.target.value, event.target.selectionStart);
            }}
            onSelect={(event) => canned.track(event.currentTarget.value, event.currentTarget.selectionStart)}
            onKeyDown={onKeyDown}
            onPaste={(event) => {
              if (event.clipboardData.files.length > 0) {
                event.preventDefault();
                addFiles(Array.from(event.clipboardData.files));
              }
            }}
            disabled={!replyWindow.open}
            placeholder={notesOnly ? t('placeholderConsult') : note ? t('placeholderNote') : t('placeholderReply')}
            className={`min-w-0 flex-1 resize-none rounded border px-3 py-2 ${note ? 'border-amber-400 dark:border-amber-600 bg-amber-50 dark:bg-amber-950' : 'border-slate-300 dark:border-slate-600'}`}
          />
          <div className="flex flex-col justify-end gap-1">
            <button
              type="button"
              aria-pressed={note}
              disabled={notesOnly}
              onClick={() => setNote((current) => !current)}
              className="rounded border border-amber-300 dark:border-amber-700 px-3 py-1 text-sm hover:bg-amber-50 dark:hover:bg-amber-950 aria-pressed:bg-amber-100 dark:aria-pressed:bg-amber-900"
            >
              {t('privateNote')}
            </button>
            <button
              type="button"
              aria-pressed={suggestions !== null}
              onClick={() => setSuggestions((current) => (current === null ? '' : null))}
              className="rounded border border-slate-300 dark:border-slate-600 px-3 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800 aria-pressed:bg-indigo-50 dark:aria-pressed:bg-indigo-950"
            >
              {t('addSuggestions')}
            </button>
            <div className="flex gap-1 *:flex-1">
              <EmojiButton onPick={insertAtCaret} />
              {conversation && channelTakesCards(conversation.channel) && <CardMenu customer={customer} disabled={!replyWindow.open || note} onPost={postCard} />}
            </div>
            <label className="cursor-pointer rounded border border-slate-300 dark:border-slate-600 px-3 py-1 text-center text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
              {t('attach')}
              <input type="file" multiple aria-label={t('attachFiles')} className="sr-only" onChange={onFiles} />
            </label>
            <button type="submit" disabled={uploading || !replyWindow.open} className="rounded bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
              {t('send')}
            </button>
          </div>
        </div>
      </form>
      {/* Outside the composer's form: the dialog has a form of its own. */}
      {templateOpen && (
        <ModalDialog title={t('templateDialog')} confirm={t('templateSend')} busy={!template} onClose={() => setTemplateOpen(false)} onConfirm={sendTemplate}>
          <TemplatePicker conversationId={conversationId} onChange={setTemplate} />
        </ModalDialog>
      )}
    </>
  );
}
