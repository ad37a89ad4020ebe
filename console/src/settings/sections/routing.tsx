import { DocumentSection, type DocumentConfig } from '../document-section';
import { RoutingChainsEditor } from '../editors/routing-chains';
import { chainBodies, ruleBodies, teamBodies, toChainRows, toRuleRows, toTeamRows, type RoutingDoc } from '../editors/routing-form';
import { RoutingRulesEditor } from '../editors/routing-rules';
import { TeamRoutingEditor } from '../editors/team-routing';
import { rows } from '../forms';
import type { Lookups } from '../lookups';

/** Routing rules (first match names the team), follow-the-sun chains, per-team assignment: one document. */
export function RoutingSection({ lookups }: { lookups: Lookups }) {
  const config: DocumentConfig<RoutingDoc> = {
    title: 'settings.routing.title',
    intro: 'settings.routing.intro',
    path: '/api/v1/routing',
    method: 'put',
    fields: [
      { name: 'rules', label: 'settings.field.rules', kind: 'custom', render: (p) => <RoutingRulesEditor {...p} teams={lookups.teams} /> },
      {
        name: 'chains',
        label: 'settings.field.chains',
        kind: 'custom',
        render: (p) => <RoutingChainsEditor {...p} teams={lookups.teams} />,
      },
      {
        name: 'teams',
        label: 'settings.field.teamRouting',
        kind: 'custom',
        render: (p) => <TeamRoutingEditor {...p} nameOf={lookups.nameOf} />,
      },
    ],
    toForm: (r) => ({ rules: toRuleRows(r.rules), chains: toChainRows(r.chains), teams: toTeamRows(r.teams) }),
    // The PUT replaces the whole document: rules and chains in the order shown, teams off the defaults.
    toBody: (v) => ({ rules: ruleBodies(rows(v.rules)), chains: chainBodies(rows(v.chains)), teams: teamBodies(rows(v.teams)) }),
  };
  return <DocumentSection config={config} />;
}
