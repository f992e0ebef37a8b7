import 'server-only';
import { authorizeConversation } from '../auth/conversation-access';
import { db } from '../db/client';
import { forbidden, notFound } from '../errors/app-error';
import type { AgentView } from '../views/types';
import { consoleAgent } from './console-request';

/** The signed-in agent, allowed to see the conversation of the route (`[id]`): else 403/404. */
export async function consoleConversationAgent(request: Request, params: Promise<{ id: string }>): Promise<AgentView> {
  const agent = await consoleAgent(request);
  await authorizeConversation(db(), agent, (await params).id);
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
  await authorizeConversation(db(), agent, row.conversationId);
  return agent;
}

/** Supervisors and admins only (the supervisor view, failed deliveries). */
export async function consoleSupervisor(request: Request): Promise<AgentView> {
  const agent = await consoleAgent(request);
  if (agent.role === 'agent') throw forbidden('Supervisors only.', 'SupervisorsOnly');
  return agent;
}

/** Admins only (administration). */
export async function consoleAdmin(request: Request): Promise<AgentView> {
  const agent = await consoleAgent(request);
  if (agent.role !== 'admin') throw forbidden('Administrators only.', 'AdminsOnly');
  return agent;
}
