// Browser helpers for end-to-end tests: signing in and opening a customer's conversation.
import { expect, type Page } from '@playwright/test';
import { customerSays, startDirectLine, type DirectLineStart } from './clients';

export async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('list', { name: 'Conversations' })).toBeVisible();
}

/** A Direct Line customer who has written once, so the conversation is in the inbox. */
export async function customerWrites(name: string, text: string): Promise<DirectLineStart> {
  const user = { id: `user-${name.replace(/\W+/g, '-')}`, name };
  const start = await startDirectLine(user);
  await customerSays(start, text, user);
  return start;
}

/** Opens the customer's conversation from the inbox and accepts it. */
export async function acceptConversation(page: Page, customerName: string) {
  await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(customerName) }).click();
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeEnabled();
}
