import { useT } from '../i18n/use-t';
import type { AgentSummary } from './conversation-api';
import { mentionedAgents, mentionHandle } from './timeline-items';

/** While a note ends in "@part", offers the matching agents; shows who the note mentions. */
export function MentionSuggestions({ text, agents, onPick }: { text: string; agents: AgentSummary[]; onPick(next: string): void }) {
  const t = useT();
  const partial = /@([\p{L}\p{N}._-]*)$/u.exec(text)?.[1]?.toLowerCase();
  const matches =
    partial === undefined
      ? []
      : agents.filter((a) => mentionHandle(a).startsWith(partial) || a.name.toLowerCase().startsWith(partial)).slice(0, 5);
  const mentioned = mentionedAgents(text, agents);
  return (
    <div className="mentions">
      {matches.length > 0 ? (
        <ul className="row" aria-label={t('composer.mentionSuggestions')}>
          {matches.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className="secondary"
                onClick={() => onPick(`${text.slice(0, text.length - (partial?.length ?? 0))}${mentionHandle(a)} `)}
              >
                @{mentionHandle(a)} ({a.name})
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {mentioned.length > 0 ? (
        <p className="muted small" data-testid="mentioned">
          {t('composer.mentions', { names: mentioned.map((a) => a.name).join(', ') })}
        </p>
      ) : null}
    </div>
  );
}
