/** Shapes of GET /api/v1/reports/volume and /api/v1/reports/coverage (server/src/reports/reports.schema.ts). */

export type Grouping = 'language' | 'channel' | 'team' | 'country';
export const GROUPINGS: Grouping[] = ['language', 'channel', 'team', 'country'];

export interface Attainment {
  targets: number;
  met: number;
  share: number | null;
}

export interface VolumeGroup {
  key: string | null;
  label: string | null;
  conversations: number;
  replied: number;
  firstReplyMedianSeconds: number | null;
  sla: Attainment;
}

export interface VolumeReport {
  by: Grouping;
  from: string;
  to: string;
  groups: VolumeGroup[];
  sla: Attainment;
}

export interface CoverageReport {
  from: string;
  to: string;
  weeks: number;
  languages: { language: string; demand: number; coveredShare: number; hours: { hour: number; demand: number; agents: number }[] }[];
  gaps: { language: string; startHour: number; endHour: number; label: string; demand: number }[];
}
