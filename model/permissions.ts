import type { Role } from './types';

/** What a user does through the UI; each needs a permission (PERM-01, PERM-02). */
export type UserAction =
  | 'viewIntegrationsList'
  | 'viewRecord'
  | 'createRecord'
  | 'editRecord'
  | 'seeIntegrationField';

/**
 * The permission matrix, the single statement of who may do what. Administrators may do
 * everything; Integration Applications (List) opens the list page only (PERM-01);
 * Integration Application (Full) views, edits and creates records and shows the
 * Integration field in operation searches (PERM-02), but not the list page (ASM-11). Every
 * role may search SOAP operations; only the Integration field needs a permission.
 */
export const PERMISSIONS: Readonly<Record<Role, Readonly<Record<UserAction, boolean>>>> = {
  administrator: { viewIntegrationsList: true, viewRecord: true, createRecord: true, editRecord: true, seeIntegrationField: true },
  integrationList: { viewIntegrationsList: true, viewRecord: false, createRecord: false, editRecord: false, seeIntegrationField: false },
  integrationFull: { viewIntegrationsList: false, viewRecord: true, createRecord: true, editRecord: true, seeIntegrationField: true },
  noIntegrationAccess: { viewIntegrationsList: false, viewRecord: false, createRecord: false, editRecord: false, seeIntegrationField: false },
};

export function may(role: Role, action: UserAction): boolean {
  return PERMISSIONS[role][action];
}
