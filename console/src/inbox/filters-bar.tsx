import { useState, type RefObject } from 'react';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { CHANNELS, PRIORITIES, STATUSES, type Named, type Priority, type Status } from './inbox-api';
import type { InboxQuery } from './inbox-query';

export const STATUS_LABEL: Record<Status, MessageId> = {
  new: 'status.new',
  open: 'status.open',
  pending: 'status.pending',
  on_hold: 'status.on_hold',
  solved: 'status.solved',
  closed: 'status.closed',
};

/** A channel's name in the UI language (unknown channels as stored). */
export const channelLabel = (t: ReturnType<typeof useT>, channel: string): string =>
  (CHANNELS as readonly string[]).includes(channel) ? t(`inbox.channel.${channel as (typeof CHANNELS)[number]}`) : channel;

const PRIORITY_LABEL: Record<Priority, MessageId> = {
  low: 'priority.low',
  normal: 'priority.normal',
  high: 'priority.high',
  urgent: 'priority.urgent',
};

interface Props {
  query: InboxQuery;
  teams: Named[];
  searchRef: RefObject<HTMLInputElement | null>;
  onChange(q: InboxQuery): void;
}

/** Search and filters; every change goes into the URL (the page reads its query from there). */
export function FiltersBar({ query, teams, searchRef, onChange }: Props) {
  const t = useT();
  const [q, setQ] = useState(query.q ?? '');
  const [tag, setTag] = useState(query.tag ?? '');
  // The URL changed under us (a view link, back button): show what it says.
  const [seen, setSeen] = useState(query);
  if (seen !== query) {
    setSeen(query);
    setQ(query.q ?? '');
    setTag(query.tag ?? '');
  }
  const set = (patch: Partial<InboxQuery>) => {
    const next = { ...query, ...patch };
    for (const k of Object.keys(patch) as (keyof InboxQuery)[]) if (patch[k] === undefined || patch[k] === '') delete next[k];
    onChange(next as InboxQuery);
  };
  return (
    <form
      className="inbox-filters"
      role="search"
      aria-label={t('inbox.filtersLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        set({ q: q.trim() || undefined, tag: tag.trim() || undefined });
      }}
    >
      <label className="search">
        <span className="visually-hidden">{t('inbox.search')}</span>
        <input
          ref={searchRef}
          type="search"
          value={q}
          placeholder={t('inbox.searchPlaceholder')}
          maxLength={200}
          onChange={(e) => setQ(e.target.value)}
        />
      </label>
      <Choice
        label={t('inbox.filter.status')}
        value={query.status[0] ?? ''}
        none={t('inbox.filter.unresolved')}
        options={STATUSES.map((s) => [s, t(STATUS_LABEL[s])])}
        onChange={(v) => set({ status: v ? [v as Status] : [] })}
      />
      <Choice
        label={t('inbox.filter.channel')}
        value={query.channel ?? ''}
        none={t('inbox.filter.any')}
        options={CHANNELS.map((c) => [c, channelLabel(t, c)])}
        onChange={(v) => set({ channel: v || undefined })}
      />
      <Choice
        label={t('inbox.filter.priority')}
        value={query.priority ?? ''}
        none={t('inbox.filter.any')}
        options={PRIORITIES.map((p) => [p, t(PRIORITY_LABEL[p])])}
        onChange={(v) => set({ priority: (v || undefined) as Priority | undefined })}
      />
      <Choice
        label={t('inbox.filter.team')}
        value={query.teamId ?? ''}
        none={t('inbox.filter.any')}
        options={teams.map((team) => [team.id, team.name])}
        onChange={(v) => set({ teamId: v || undefined })}
      />
      <label>
        <span>{t('inbox.filter.tag')}</span>
        <input type="text" value={tag} size={10} maxLength={64} onChange={(e) => setTag(e.target.value)} />
      </label>
      <button type="submit">{t('inbox.apply')}</button>
    </form>
  );
}

/** A labelled select whose empty value means "no filter". */
function Choice(props: { label: string; value: string; none: string; options: [string, string][]; onChange(v: string): void }) {
  return (
    <label>
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.none}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
