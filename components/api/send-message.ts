import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  consoleApi,
  type ActivityView,
  type AdaptiveCardView,
  type AttachmentView,
  type CardAction,
  type SendMessageInput,
  type TemplateMessage,
  type TranscriptPage,
} from '@/lib/protocol/console';
import { callConsole } from './fetch-json';
import { useErrorMessage } from '../ui/error-text';
import { queryKeys } from './query-keys';
import { mergeActivity } from './transcript';

/**
 * The request body (`SendMessageInput`) as the composer has it: files as the attachments it shows,
 * plus who sends it for the optimistic copy.
 */
type MessageToSend = Omit<SendMessageInput, 'attachmentIds' | 'text' | 'note' | 'suggestedActions' | 'cards' | 'template'> & {
  conversationId: string;
  text: string;
  agentId: string;
  agentName: string;
  attachments: AttachmentView[];
  suggestedActions: CardAction[];
  /** Adaptive Cards sent as attachments (where the channel shows them). */
  cards?: AdaptiveCardView[];
  note: boolean;
  /** An approved template (WhatsApp outside its window); `text` is its filled-in body. */
  template?: TemplateMessage;
};

/** Shows the message at once as `Sending`; the server's answer (or its realtime echo) replaces it. */
export function useSendMessage() {
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  return useMutation({
    mutationFn: (input: MessageToSend) =>
      callConsole(consoleApi.sendMessage, {
        params: { id: input.conversationId },
        body: {
          text: input.text,
          clientId: input.clientId,
          attachmentIds: input.attachments.map((file) => file.id),
          suggestedActions: input.suggestedActions,
          cards: input.cards ?? [],
          note: input.note,
          ...(input.template && { template: input.template }),
        },
      }),
    onMutate: (input) => {
      const optimistic: ActivityView = {
        id: `pending:${input.clientId}`,
        conversationId: input.conversationId,
        seq: Number.MAX_SAFE_INTEGER,
        type: 'message',
        author: 'agent',
        fromName: input.agentName,
        agentId: input.agentId,
        text: input.text,
        textFormat: 'markdown',
        name: null,
        timestamp: new Date().toISOString(),
        deliveryState: input.note ? 'none' : 'sending',
        deliveryError: null,
        clientId: input.clientId,
        attachments: input.attachments,
        fetchFailures: [],
        cardAnswer: null,
        surveyAnswer: null,
        suggestedActions: input.suggestedActions,
        cards: input.cards ?? [],
        heroCards: [],
        editedAt: null,
        deletedAt: null,
        updatedAt: new Date().toISOString(),
        note: input.note,
        replyToId: null,
      };
      queryClient.setQueryData<TranscriptPage>(queryKeys.transcript(input.conversationId), (page) =>
        mergeActivity(page, optimistic),
      );
    },
    onSuccess: (activity) =>
      queryClient.setQueryData<TranscriptPage>(queryKeys.transcript(activity.conversationId), (page) =>
        mergeActivity(page, activity),
      ),
    onError: (error, input) =>
      queryClient.setQueryData<TranscriptPage>(queryKeys.transcript(input.conversationId), (page) =>
        page && {
          ...page,
          items: page.items.map((item) =>
            item.clientId === input.clientId && item.deliveryState === 'sending'
              ? { ...item, deliveryState: 'failed' as const, deliveryError: describeError(error).text }
              : item,
          ),
        },
      ),
  });
}
