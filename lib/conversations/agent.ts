/** The signed-in rep a console command acts for. */
export interface ActingAgent {
  id: string;
  displayName: string;
  role: 'agent' | 'supervisor' | 'admin';
}
