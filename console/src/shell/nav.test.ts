import { describe, expect, it } from 'vitest';
import { navFor } from './nav';

describe('role-aware navigation', () => {
  it('shows agents the inbox only, leads and admins also settings and reports', () => {
    expect(navFor('agent').map((i) => i.path)).toEqual(['/inbox']);
    expect(navFor('lead').map((i) => i.path)).toEqual(['/inbox', '/settings', '/reports']);
    expect(navFor('admin').map((i) => i.path)).toEqual(['/inbox', '/settings', '/reports']);
  });
});
