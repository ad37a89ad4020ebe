import { describe, expect, it } from 'vitest';
import { navFor } from './nav';

describe('role-aware navigation', () => {
  it('shows agents the inbox only, leads and admins also settings, reports, feedback and changes', () => {
    expect(navFor('agent').map((i) => i.path)).toEqual(['/inbox']);
    expect(navFor('lead').map((i) => i.path)).toEqual(['/inbox', '/settings', '/reports', '/feedback', '/changes']);
    expect(navFor('admin').map((i) => i.path)).toEqual(['/inbox', '/settings', '/reports', '/feedback', '/changes']);
  });
});
