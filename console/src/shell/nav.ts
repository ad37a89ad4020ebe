import { hasRole, type Role } from '../api/auth';
import type { MessageId } from '../i18n/messages';

export interface NavItem {
  path: string;
  label: MessageId;
  /** The least role that sees the item; the server enforces the same on the API. */
  minRole: Role;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/inbox', label: 'nav.inbox', minRole: 'agent' },
  { path: '/settings', label: 'nav.settings', minRole: 'lead' },
  { path: '/reports', label: 'nav.reports', minRole: 'lead' },
  { path: '/feedback', label: 'nav.feedback', minRole: 'lead' },
  { path: '/changes', label: 'nav.changes', minRole: 'lead' },
];

export const navFor = (role: Role): NavItem[] => NAV_ITEMS.filter((i) => hasRole(role, i.minRole));
