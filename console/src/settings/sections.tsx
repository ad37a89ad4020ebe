import { hasRole, type Role } from '../api/auth';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import type { Lookups } from './lookups';
import { AcksSection } from './sections/acks';
import { AgentsSection } from './sections/agents';
import { CalendarsSection } from './sections/calendars';
import { ChannelsSection } from './sections/channels';
import { RoutingSection } from './sections/routing';
import { SlaSection } from './sections/sla';
import { SurveysSection } from './sections/surveys';
import { TeamsSection } from './sections/teams';
import { TranslationSection } from './sections/translation';

export const SECTIONS = [
  'teams',
  'calendars',
  'sla',
  'routing',
  'channels',
  'translation',
  'acknowledgements',
  'surveys',
  'agents',
] as const;
export type SectionId = (typeof SECTIONS)[number];

export const SECTION_LABEL: Record<SectionId, MessageId> = {
  teams: 'settings.teams.title',
  calendars: 'settings.calendars.title',
  sla: 'settings.sla.title',
  routing: 'settings.routing.title',
  channels: 'settings.channels.title',
  translation: 'settings.translation.title',
  acknowledgements: 'settings.acks.title',
  surveys: 'settings.surveys.title',
  agents: 'settings.agents.title',
};

/** Sections whose API is for admins only (the server refuses leads; the nav does not offer them). */
const ADMIN_ONLY: readonly SectionId[] = ['channels', 'acknowledgements'];

export const sectionsFor = (role: Role): SectionId[] => SECTIONS.filter((s) => !ADMIN_ONLY.includes(s) || hasRole(role, 'admin'));

export const isSection = (s: string | undefined): s is SectionId => (SECTIONS as readonly string[]).includes(s ?? '');

export function Section({ id, lookups, admin }: { id: SectionId; lookups: Lookups; admin: boolean }) {
  const t = useT();
  switch (id) {
    case 'teams':
      return <TeamsSection lookups={lookups} none={t('settings.none')} />;
    case 'calendars':
      return <CalendarsSection />;
    case 'sla':
      return <SlaSection />;
    case 'routing':
      return <RoutingSection lookups={lookups} />;
    case 'channels':
      return <ChannelsSection lookups={lookups} />;
    case 'translation':
      return <TranslationSection admin={admin} />;
    case 'acknowledgements':
      return <AcksSection />;
    case 'surveys':
      return <SurveysSection />;
    case 'agents':
      return <AgentsSection admin={admin} />;
  }
}
