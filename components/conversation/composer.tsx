'use client';

import { useTranslations } from 'next-intl';
import { useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import type { AdaptiveCardView, AgentView } from '@/lib/views/types';
import { useConversation } from '../api/conversation';
import { useSendMessage } from '../api/send-message';
import { useCannedMenu } from './canned-responses';
import { CardMenu } from './card-menu';
import { channelTakesCards } from './card-templates';
import { EmojiButton } from './emoji-button';
import { suggestedRepliesOf } from './suggested-replies';
import { useReplyWindow } from './reply-window';
import { TemplatePicker, type ChosenTemplate } from './template-picker';
import { ModalDialog } from '../ui/modal-dialog';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { useCaretInsert } from './composer/use-caret-insert';
import { useDraft } from './composer/use-draft';
import { useTypingSignal } from './composer/use-typing-signal';
import { useUploads } from './composer/use-uploads';

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
  const t = useTranslations('composer');
  const [suggestions, setSuggestions] = useState<string | null>(null);
  const [noteChosen, setNote] = useState(false);
  const [templateOpen, setTemplateOpen] = useState(false);
  const [template, setTemplate] = useState<ChosenTemplate | null>(null);
  const note = notesOnly || noteChosen;
  const send = useSendMessage();
  const conversation = useConversation(conversationId).data;
  const customer = conversation?.customerName ?? t('customerFallback');
  const draft = useDraft(conversationId);
  const signalTyping = useTypingSignal(conversationId, note);
  const uploads = useUploads(conversationId, conversation?.channel);
  const text = draft.text;
  function onChange(value: string) {
    draft.change(value);
    signalTyping(value);
  }
  const { box: messageBox, replace, insertAtCaret } = useCaretInsert(text, onChange);
  const canned = useCannedMenu(customer, replace);

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
    const attachments = uploads.stored();
    if ((!message && attachments.length === 0) || uploads.uploading) return;
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
    draft.clear();
    uploads.clear();
    setSuggestions(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (canned.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  }

  function onFiles(event: ChangeEvent<HTMLInputElement>) {
    uploads.add(Array.from(event.target.files ?? []));
    event.target.value = '';
  }

  return (
    <>
      <form
        onSubmit={submit}
        onDragOver={(event) => event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault();
          uploads.add(Array.from(event.dataTransfer.files));
        }}
        className="flex flex-col gap-2 border-t border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-3"
      >
        {replyWindow.label && (
          <p role="status" className={replyWindow.open ? 'text-xs text-slate-500 dark:text-slate-400' : 'text-sm text-red-700 dark:text-red-400'}>
            {replyWindow.label}
          </p>
        )}
        {!replyWindow.open && !note && (
          <Button variant="secondary" size="sm" onClick={() => setTemplateOpen(true)} className="self-start">
            {t('templates')}
          </Button>
        )}
        {uploads.files.length > 0 && (
          <ul aria-label={t('attachments')} className="flex flex-wrap gap-2 text-sm">
            {uploads.files.map((file) => (
              <li key={file.key} className="flex items-center gap-2 rounded border border-slate-200 dark:border-slate-700 px-2 py-1">
                <span className="max-w-48 truncate">{file.name}</span>
                {file.error ? (
                  <span className="text-red-700 dark:text-red-400">{file.error}</span>
                ) : (
                  <progress aria-label={t('uploading', { name: file.name })} value={file.progress} max={1} className="w-16" />
                )}
                <Button variant="bare" aria-label={t('remove', { name: file.name })} onClick={() => uploads.remove(file.key)}>
                  ×
                </Button>
              </li>
            ))}
          </ul>
        )}
        {canned.list}
        {suggestions !== null && (
          <label className="flex items-center gap-2 text-sm">
            <span className="shrink-0 text-slate-600 dark:text-slate-300">{t('suggestedReplies')}</span>
            <Input
              aria-label={t('suggestedReplies')}
              value={suggestions}
              onChange={(event) => setSuggestions(event.target.value)}
              placeholder={t('suggestionsPlaceholder')}
              className="min-w-0 flex-1" />
          </label>
        )}
        <div className="flex gap-2">
          <textarea
            ref={messageBox}
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
                uploads.add(Array.from(event.clipboardData.files));
              }
            }}
            disabled={!replyWindow.open}
            placeholder={notesOnly ? t('placeholderConsult') : note ? t('placeholderNote') : t('placeholderReply')}
            className={`min-w-0 flex-1 resize-none rounded border px-3 py-2 ${note ? 'border-amber-400 dark:border-amber-600 bg-amber-50 dark:bg-amber-950' : 'border-slate-300 dark:border-slate-600'}`}
          />
          <div className="flex flex-col justify-end gap-1">
            <Button
              variant="noteToggle"
              size="sm"
              aria-pressed={note}
              disabled={notesOnly}
              onClick={() => setNote((current) => !current)}
            >
              {t('privateNote')}
            </Button>
            <Button
              variant="toggle"
              size="sm"
              aria-pressed={suggestions !== null}
              onClick={() => setSuggestions((current) => (current === null ? '' : null))}
            >
              {t('addSuggestions')}
            </Button>
            <div className="flex gap-1 *:flex-1">
              <EmojiButton onPick={insertAtCaret} />
              {conversation && channelTakesCards(conversation.channel) && <CardMenu customer={customer} disabled={!replyWindow.open || note} onPost={postCard} />}
            </div>
            <label className="cursor-pointer rounded border border-slate-300 dark:border-slate-600 px-3 py-1 text-center text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
              {t('attach')}
              <input type="file" multiple aria-label={t('attachFiles')} className="sr-only" onChange={onFiles} />
            </label>
            <Button variant="primary" size="lg" type="submit" disabled={uploads.uploading || !replyWindow.open}>
              {t('send')}
            </Button>
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
