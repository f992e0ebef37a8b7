// Canned responses: replies a rep inserts from the composer by typing `/` and a shortcut.
import { db as defaultDb, type Db } from '../db/client';
import type { CannedResponseView } from '../views/types';

/** What a demo installation starts with; an existing shortcut is left as it is. */
export const DEFAULT_CANNED_RESPONSES: { shortcut: string; title: string; text: string }[] = [
  { shortcut: 'greeting', title: 'Greeting', text: 'Hello {customer}, thanks for reaching out! How can I help you today?' },
  { shortcut: 'hold', title: 'Hold on', text: 'Thanks for your patience, {customer} — let me check that for you. This will take a moment.' },
  { shortcut: 'order', title: 'Ask for the order number', text: 'Could you share your order number, {customer}? You will find it in the confirmation email.' },
  { shortcut: 'closing', title: 'Closing', text: 'Is there anything else I can help you with, {customer}? Have a great day!' },
];

export async function seedCannedResponses(db: Db): Promise<void> {
  await db.cannedResponse.createMany({ data: DEFAULT_CANNED_RESPONSES, skipDuplicates: true });
}

export async function listCannedResponses(db: Db = defaultDb()): Promise<CannedResponseView[]> {
  return db.cannedResponse.findMany({ orderBy: { shortcut: 'asc' }, select: { id: true, shortcut: true, title: true, text: true } });
}
