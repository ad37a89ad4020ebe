import { describe, expect, it } from 'vitest';
import { navFor } from './nav';

describe('role-aware navigation', () => {
  it('shows agents the inbox only, leads and admins also settings, reports and feedback', () => {
    expect(navFor('agent').map((i) => i.path)).toEqual(['/inbox']);
    expect(navFor('lead').map((i) => i.path)).toEqual(['/inbox', '/settings', '/reports', '/feedback']);
    expect(navFor('admin').map((i) => i.path)).toEqual(['/inbox', '/settings', '/reports', '/feedback']);
  });
});
