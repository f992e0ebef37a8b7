import type { Viewer } from '../auth/conversation-access';

/** The signed-in rep a console command acts for. */
export interface ActingAgent {
  id: string;
  displayName: string;
  role: 'agent' | 'supervisor' | 'admin';
}

/** The same rep with the queues they work: what a command needs to find the conversations they see. */
export type ActingViewer = ActingAgent & Viewer;
