import { useEffect, useState } from 'react';
import { fetchAgents, fetchTeams, type Named } from './inbox-api';

/** Agents and teams of the workspace, for assignee names, the assign menu and the team filter. */
export function useDirectory(): { agents: Named[]; teams: Named[] } {
  const [agents, setAgents] = useState<Named[]>([]);
  const [teams, setTeams] = useState<Named[]>([]);
  useEffect(() => {
    let live = true;
    // Names are decoration: the list works without them.
    fetchAgents().then(
      (r) => live && setAgents(r.data),
      () => undefined,
    );
    fetchTeams().then(
      (r) => live && setTeams(r.data),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return { agents, teams };
}

/** The current time, ticking every `ms`, for relative times that stay true while the page is open. */
export function useNow(ms = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
