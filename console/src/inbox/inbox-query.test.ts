import { describe, expect, it } from 'vitest';
import { apiQuery, formatInboxQuery, isCurrent, parseInboxQuery, queryFor } from './inbox-query';

describe('inbox query in the URL', () => {
  it('round-trips views, filters and search, leaving defaults out', () => {
    const search = 'view=unassigned&language=pt-BR&status=open&status=pending&channel=chat&priority=high&tag=vip&q=ana+silva&sort=sla_due';
    const q = parseInboxQuery(search);
    expect(q).toEqual({
      view: 'unassigned',
      language: 'pt-BR',
      status: ['open', 'pending'],
      channel: 'chat',
      priority: 'high',
      tag: 'vip',
      q: 'ana silva',
      sort: 'sla_due',
    });
    expect(parseInboxQuery(formatInboxQuery(q))).toEqual(q);
    expect(formatInboxQuery(parseInboxQuery(''))).toBe('');
  });

  it('ignores what it does not know instead of sending it to the API', () => {
    expect(parseInboxQuery('view=everything&status=gone&channel=fax&language=<x>&teamId=1&sort=random')).toEqual({
      view: 'all',
      status: [],
      sort: 'updated',
    });
  });

  it("asks the API for the unresolved statuses when none is chosen, with the page's cursor", () => {
    const sp = new URLSearchParams(apiQuery(parseInboxQuery('view=mine'), 50, 'abc'));
    expect(sp.getAll('status')).toEqual(['new', 'open', 'pending', 'on_hold']);
    expect(Object.fromEntries([...sp].filter(([k]) => k !== 'status'))).toEqual({
      view: 'mine',
      sort: 'updated',
      limit: '50',
      cursor: 'abc',
    });
  });

  it('a sidebar entry keeps the filters and search and marks itself current', () => {
    const q = parseInboxQuery('view=mine&language=de&q=order&channel=email');
    const pt = queryFor({ kind: 'language', language: 'pt' }, q);
    expect(pt).toMatchObject({ view: 'all', language: 'pt', q: 'order', channel: 'email' });
    expect(isCurrent({ kind: 'language', language: 'pt' }, pt)).toBe(true);
    expect(isCurrent({ kind: 'view', view: 'all' }, pt)).toBe(false);
    const sla = queryFor({ kind: 'sla' }, q);
    expect(sla).toMatchObject({ view: 'all', sort: 'sla_due', q: 'order' });
    expect(sla.language).toBeUndefined();
    expect(isCurrent({ kind: 'sla' }, sla)).toBe(true);
  });
});
