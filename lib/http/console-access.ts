import 'server-only';
import { loadVisibleConversation } from '../conversations/visible-conversation';
import { db } from '../db/client';
import { forbidden, notFound } from '../errors/app-error';
import { canAdminister, canEditContacts, canSeeReports, canSupervise } from '../shared/policies';
import type { AgentView } from '../views/types';
import { consoleAgent } from './console-request';

/** The signed-in agent, allowed to see the conversation of the route (`[id]`): else 403/404. */
export async function consoleConversationAgent(request: Request, params: Promise<{ id: string }>): Promise<AgentView> {
  const agent = await consoleAgent(request);
  await loadVisibleConversation(db(), (await params).id, agent);
  return agent;
}

/** The same for a route about one activity or one attachment: its conversation decides. */
export async function consoleAgentFor(request: Request, target: { activityId: string } | { attachmentId: string }): Promise<AgentView> {
  const agent = await consoleAgent(request);
  const row =
    'activityId' in target
      ? await db().activity.findUnique({ where: { id: target.activityId }, select: { conversationId: true } })
      : await db().attachment.findUnique({ where: { id: target.attachmentId }, select: { conversationId: true } });
  if (!row) throw notFound('activityId' in target ? 'No such activity.' : 'No such attachment.');
  await loadVisibleConversation(db(), row.conversationId, agent);
  return agent;
}

/** Supervisors and admins only (the supervisor view, failed deliveries). */
export async function consoleSupervisor(request: Request): Promise<AgentView> {
  const agent = await consoleAgent(request);
  if (!canSupervise(agent)) throw forbidden('Supervisors only.', 'SupervisorsOnly');
  return agent;
}

/** Reports and their export: supervisors and admins. */
export async function consoleReports(request: Request): Promise<AgentView> {
  const agent = await consoleAgent(request);
  if (!canSeeReports(agent)) throw forbidden('Reports are for supervisors and administrators.', 'SupervisorsOnly');
  return agent;
}

/** Admins only (administration). */
export async function consoleAdmin(request: Request): Promise<AgentView> {
  const agent = await consoleAgent(request);
  if (!canAdminister(agent)) throw forbidden('Administrators only.', 'AdminsOnly');
  return agent;
}

/** Reps who may edit and merge contacts (every role today: lib/shared/policies.ts `canEditContacts`). */
export async function consoleContactEditor(request: Request): Promise<AgentView> {
  const agent = await consoleAgent(request);
  if (!canEditContacts(agent)) throw forbidden('You may not edit contacts.');
  return agent;
}
