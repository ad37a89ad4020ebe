import { splitList } from '../forms';
import { newKey } from './rows';

/**
 * The routing document (GET/PUT /api/v1/routing) as the routing editors hold it, and back. Pure, so
 * the mapping is tested without a browser; server/src/routing/routing.schema.ts is the shape.
 */

export const CHANNELS = ['email', 'chat', 'whatsapp', 'telegram', 'sms', 'phone', 'api'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const MODES = ['round_robin', 'least_loaded'] as const;
export const BARS = ['native', 'fluent', 'working', 'basic'] as const;
/** Conditions typed as comma lists; channels and priorities are checkboxes (fixed sets). */
export const TEXT_CONDITIONS = ['languages', 'countries', 'regions', 'tiers', 'tags'] as const;
export type TextCondition = (typeof TEXT_CONDITIONS)[number];

export const DEFAULT_MODE = 'round_robin';
export const DEFAULT_BAR = 'fluent';

export interface RoutingDoc {
  rules: { id: string; name: string; when: Partial<Record<string, string[]>>; teamId: string }[];
  chains: { id: string; name: string; teamIds: string[] }[];
  teams: { teamId: string; mode: string; bar: string; fallbacks: Fallback[]; customized: boolean }[];
}

export interface Fallback {
  from: string;
  to: string;
  bar: string;
}

/** `key`: a stable React key (the id, or a made-up one for a new row). */
export interface RuleRow extends Record<TextCondition, string> {
  key: string;
  id?: string;
  name: string;
  teamId: string;
  channels: string[];
  priorities: string[];
}

export interface ChainRow {
  key: string;
  id?: string;
  name: string;
  teamIds: string[];
}

export interface TeamRow {
  teamId: string;
  mode: string;
  bar: string;
  fallbacks: Fallback[];
}

export const emptyRule = (teamId = ''): RuleRow => ({
  key: newKey(),
  name: '',
  teamId,
  languages: '',
  countries: '',
  regions: '',
  tiers: '',
  tags: '',
  channels: [],
  priorities: [],
});

export function toRuleRows(rules: RoutingDoc['rules']): RuleRow[] {
  return rules.map((r) => {
    const row: RuleRow = { ...emptyRule(r.teamId), key: r.id, id: r.id, name: r.name };
    for (const c of TEXT_CONDITIONS) row[c] = (r.when[c] ?? []).join(', ');
    row.channels = r.when.channels ?? [];
    row.priorities = r.when.priorities ?? [];
    return row;
  });
}

export function ruleBodies(rows: readonly RuleRow[]) {
  return rows.map((r) => {
    const when: Record<string, string[]> = {};
    for (const c of TEXT_CONDITIONS) {
      const values = splitList(r[c]);
      if (values.length) when[c] = values;
    }
    // In the order the schema lists them, so a saved rule reads back the same.
    const channels = CHANNELS.filter((c) => r.channels.includes(c));
    const priorities = PRIORITIES.filter((p) => r.priorities.includes(p));
    if (channels.length) when.channels = channels;
    if (priorities.length) when.priorities = priorities;
    return { ...(r.id ? { id: r.id } : {}), name: r.name.trim(), when, teamId: r.teamId };
  });
}

export const toChainRows = (chains: RoutingDoc['chains']): ChainRow[] =>
  chains.map((c) => ({ key: c.id, id: c.id, name: c.name, teamIds: [...c.teamIds] }));

export const chainBodies = (rows: readonly ChainRow[]) =>
  rows.map((c) => ({ ...(c.id ? { id: c.id } : {}), name: c.name.trim(), teamIds: [...c.teamIds] }));

/** Every team with its effective settings (GET lists them all, defaults included). */
export const toTeamRows = (teams: RoutingDoc['teams']): TeamRow[] =>
  teams.map((t) => ({ teamId: t.teamId, mode: t.mode, bar: t.bar, fallbacks: t.fallbacks.map((f) => ({ ...f })) }));

/** A team at the defaults is left out of the body: that is what "no settings of its own" means. */
export const isDefault = (t: TeamRow): boolean => t.mode === DEFAULT_MODE && t.bar === DEFAULT_BAR && t.fallbacks.length === 0;

export const teamBodies = (rows: readonly TeamRow[]) =>
  rows
    .filter((t) => !isDefault(t))
    .map((t) => ({
      teamId: t.teamId,
      mode: t.mode,
      bar: t.bar,
      fallbacks: t.fallbacks.map((f) => ({ from: f.from.trim(), to: f.to.trim(), bar: f.bar })),
    }));

/** Where a team's errors come back: its index among the teams sent, or -1 when it is not sent. */
export const sentIndex = (rows: readonly TeamRow[], teamId: string): number =>
  rows.filter((t) => !isDefault(t)).findIndex((t) => t.teamId === teamId);
