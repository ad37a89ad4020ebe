import { isOpen, type BusinessCalendar } from '../calendars/index.js';
import { primaryLanguage } from '../lib/language-tag.js';

/**
 * Coverage: for each language and hour of the week (UTC, Monday 00:00 = hour 0), the inbound demand
 * of the last weeks against the agents on shift who can answer it. A gap is an hour with demand and
 * nobody on shift for that language: the hours where a follow-the-sun chain has a hole.
 */
export const HOURS_PER_WEEK = 168;
const HOUR_MS = 3_600_000;
const WEEK_MS = HOURS_PER_WEEK * HOUR_MS;
const RANK = { basic: 0, working: 1, fluent: 2, native: 3 } as const;
export type Proficiency = keyof typeof RANK;

export interface CoverageTeam {
  id: string;
  /** null: no calendar, counted as always on shift (the team said nothing about its hours). */
  calendar: BusinessCalendar | null;
  agents: { id: string; languages: { tag: string; proficiency: Proficiency }[] }[];
}

export interface DemandCell {
  language: string;
  hourOfWeek: number;
  count: number;
}

export interface CoverageInput {
  /** Monday 00:00 UTC of the first week counted. */
  from: Date;
  weeks: number;
  demand: DemandCell[];
  teams: CoverageTeam[];
  /** The least proficiency that counts as covering a language. */
  bar: Proficiency;
}

export interface LanguageCoverage {
  language: string;
  /** Inbound conversations in the period. */
  demand: number;
  /** Share of that demand that arrived in an hour with someone on shift for it (1 when there was none). */
  coveredShare: number;
  /** Per hour of the week: average conversations per week and average agents on shift. */
  hours: { hour: number; demand: number; agents: number }[];
}

export interface CoverageGap {
  language: string;
  /** First and last hour of the week (inclusive) of a run of uncovered hours with demand. */
  startHour: number;
  endHour: number;
  /** e.g. "Mon 22:00–Tue 02:00 UTC". */
  label: string;
  /** Average conversations per week in those hours. */
  demand: number;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const at = (h: number): string => `${DAYS[Math.floor(h / 24) % 7]} ${String(h % 24).padStart(2, '0')}:00`;

/** Monday 00:00 UTC of the week holding `d`. */
export function weekStart(d: Date): Date {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const isoDow = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - isoDow * 24 * HOUR_MS);
}

export function coverageReport(input: CoverageInput): { languages: LanguageCoverage[]; gaps: CoverageGap[] } {
  const bar = RANK[input.bar];
  const weeks = Math.max(1, input.weeks);
  // Who covers what: per language, the teams and how many of their agents read it at the bar.
  const covering = new Map<string, { team: CoverageTeam; agents: number }[]>();
  for (const team of input.teams) {
    const perLanguage = new Map<string, number>();
    for (const agent of team.agents) {
      const langs = new Set(agent.languages.filter((l) => RANK[l.proficiency] >= bar).map((l) => primaryLanguage(l.tag)));
      for (const l of langs) perLanguage.set(l, (perLanguage.get(l) ?? 0) + 1);
    }
    for (const [l, n] of perLanguage) covering.set(l, [...(covering.get(l) ?? []), { team, agents: n }]);
  }
  const demand = new Map<string, Float64Array>();
  for (const cell of input.demand) {
    const l = primaryLanguage(cell.language);
    const row = demand.get(l) ?? new Float64Array(HOURS_PER_WEEK);
    row[cell.hourOfWeek] = row[cell.hourOfWeek]! + cell.count;
    demand.set(l, row);
  }
  // On shift in an hour = the team's calendar is open at its middle; averaged over the weeks, so a
  // holiday in one of four weeks counts as three quarters of a shift.
  const onShift = new Map<CoverageTeam, Float64Array>();
  for (const team of input.teams) {
    const row = new Float64Array(HOURS_PER_WEEK);
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      let open = 0;
      for (let w = 0; w < weeks; w++) {
        const mid = new Date(input.from.getTime() + w * WEEK_MS + h * HOUR_MS + HOUR_MS / 2);
        if (!team.calendar || isOpen(team.calendar, mid)) open++;
      }
      row[h] = open / weeks;
    }
    onShift.set(team, row);
  }

  const languages: LanguageCoverage[] = [];
  const gaps: CoverageGap[] = [];
  for (const language of [...new Set([...demand.keys(), ...covering.keys()])].sort()) {
    const d = demand.get(language) ?? new Float64Array(HOURS_PER_WEEK);
    const hours: LanguageCoverage['hours'] = [];
    let total = 0;
    let covered = 0;
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      let agents = 0;
      for (const c of covering.get(language) ?? []) agents += c.agents * onShift.get(c.team)![h]!;
      total += d[h]!;
      if (agents > 0) covered += d[h]!;
      hours.push({ hour: h, demand: round(d[h]! / weeks), agents: round(agents) });
    }
    languages.push({ language, demand: total, coveredShare: total === 0 ? 1 : round(covered / total), hours });
    gaps.push(...gapsOf(language, hours));
  }
  gaps.sort((a, b) => b.demand - a.demand || a.language.localeCompare(b.language) || a.startHour - b.startHour);
  return { languages, gaps };
}

/** Runs of hours with demand and nobody on shift; a run may wrap from Sunday night into Monday. */
function gapsOf(language: string, hours: LanguageCoverage['hours']): CoverageGap[] {
  const bad = hours.map((x) => x.demand > 0 && x.agents === 0);
  if (bad.every(Boolean)) return [{ language, startHour: 0, endHour: 167, label: 'all week', demand: sum(hours, 0, 167) }];
  // Start scanning after a covered hour so a run crossing Sunday→Monday stays whole.
  const first = bad.indexOf(false);
  const out: CoverageGap[] = [];
  let start = -1;
  for (let i = 1; i <= HOURS_PER_WEEK; i++) {
    const h = (first + i) % HOURS_PER_WEEK;
    if (bad[h] && start < 0) start = h;
    if (!bad[h] && start >= 0) {
      const end = (h + HOURS_PER_WEEK - 1) % HOURS_PER_WEEK;
      out.push({
        language,
        startHour: start,
        endHour: end,
        label: `${at(start)}–${at((end + 1) % HOURS_PER_WEEK)} UTC`,
        demand: sum(hours, start, end),
      });
      start = -1;
    }
  }
  return out;
}

function sum(hours: LanguageCoverage['hours'], start: number, end: number): number {
  let s = 0;
  for (let h = start; ; h = (h + 1) % HOURS_PER_WEEK) {
    s += hours[h]!.demand;
    if (h === end) break;
  }
  return round(s);
}

const round = (x: number): number => Math.round(x * 100) / 100;
