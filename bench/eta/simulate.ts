/**
 * The ETA simulation's event loop: each arrival is routed by decideRoute (demo teams, rules and
 * follow-the-sun chain at that instant), promised a reply time by promiseEta from what the team's
 * history and queue show at that moment (as the acknowledgement job computes it), and queued on
 * the routed team. Agents work their team's calendar: while it is open an idle agent takes the
 * oldest waiting conversation they read fluently, writes the first reply (lognormal time) and then
 * spends some time on other work (exponential) before taking the next. Closed teams take nothing.
 */
import { addBusinessTime, isOpen, nextOpen, type BusinessCalendar } from '../../server/src/calendars/index.js';
import { medianFirstReply, medianReplyGap, promiseEta, type EtaPolicy, type FirstReplySample } from '../../server/src/acks/eta.js';
import { decideRoute, PROFICIENCY_RANK, type RoutingAgent, type RoutingTeam } from '../../server/src/routing/index.js';
import { demoFallbacks, demoRoutingAgents, demoRoutingInput, demoRoutingTeams } from '../../server/src/routing/demo-setup.js';
import { primaryLanguage } from '../../server/src/lib/language-tag.js';
import { lognormal, type Arrival } from './traffic.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface Work {
  /** First reply: lognormal minutes. */
  replyMedian: number;
  replySigma: number;
  /** Other work after each first reply (next replies, notes): exponential, mean minutes. */
  otherMean: number;
}

export interface Outcome {
  arrival: Arrival;
  teamId: string;
  handover: boolean;
  /** Epoch ms. */
  promised: number;
  replied: number;
  /** Baselines, epoch ms: a wall-clock hour, a business hour on the team calendar, the median alone. */
  wallHour: number;
  businessHour: number;
  medianOnly: number;
  calendar: BusinessCalendar | null;
  /** What the promise was computed from. */
  basis: { median: number; gap: number; queue: number; readers: number; budget: number };
}

interface Conv {
  arrival: Arrival;
  language: string;
  created: number;
  replied?: number;
  outcome: Omit<Outcome, 'replied'>;
}

interface Agent {
  id: string;
  reads: Set<string>;
  busy: boolean;
}

interface Team {
  team: RoutingTeam;
  agents: Agent[];
  waiting: Conv[];
  /** Every conversation routed here, in creation order. */
  all: Conv[];
  wakeAt: number | null;
}

type Event = { t: number; team: Team; agent: Agent | null };

/** A binary min-heap of events by time. */
class Events {
  private readonly h: Event[] = [];
  get size(): number {
    return this.h.length;
  }
  push(e: Event): void {
    const h = this.h;
    h.push(e);
    for (let i = h.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (h[p]!.t <= h[i]!.t) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }
  peek(): Event | undefined {
    return this.h[0];
  }
  pop(): Event {
    const h = this.h;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]!.t < h[m]!.t) m = l;
        if (r < h.length && h[r]!.t < h[m]!.t) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}

/** Languages an agent answers in: fluent or native, the demo teams' bar. */
const readsFluently = (a: RoutingAgent) =>
  new Set(a.languages.filter((l) => PROFICIENCY_RANK[l.proficiency] >= PROFICIENCY_RANK.fluent).map((l) => primaryLanguage(l.tag)));

export function simulate(arrivals: Arrival[], rand: () => number, work: Work, policy: EtaPolicy): Outcome[] {
  const agents = demoRoutingAgents();
  const teams = new Map<string, Team>(
    demoRoutingTeams().map((team) => [
      team.id,
      {
        team,
        agents: agents.filter((a) => a.teamIds.includes(team.id)).map((a) => ({ id: a.id, reads: readsFluently(a), busy: false })),
        waiting: [],
        all: [],
        wakeAt: null,
      },
    ]),
  );
  const events = new Events();
  const done: Outcome[] = [];

  const dispatch = (s: Team, t: number) => {
    const cal = s.team.calendar;
    if (!s.waiting.length) return;
    if (cal && !isOpen(cal, new Date(t))) {
      const next = nextOpen(cal, new Date(t))!.getTime();
      if (s.wakeAt !== next) {
        s.wakeAt = next;
        events.push({ t: next, team: s, agent: null });
      }
      return;
    }
    for (const agent of s.agents) {
      if (agent.busy) continue;
      // The oldest conversation this agent reads; nobody in the team reads it → anyone takes it.
      let i = s.waiting.findIndex((c) => agent.reads.has(c.language));
      if (i < 0) i = s.waiting.findIndex((c) => !s.agents.some((a) => a.reads.has(c.language)));
      if (i < 0) continue;
      const [c] = s.waiting.splice(i, 1);
      c!.replied = t + lognormal(rand, work.replyMedian, work.replySigma) * MINUTE_MS;
      done.push({ ...c!.outcome, replied: c!.replied });
      agent.busy = true;
      const other = -Math.log(Math.max(rand(), 1e-12)) * work.otherMean * MINUTE_MS;
      events.push({ t: c!.replied + other, team: s, agent });
      if (!s.waiting.length) return;
    }
  };

  const arrive = (a: Arrival) => {
    const t = a.at;
    const language = primaryLanguage(a.segment.locale);
    const decision = decideRoute(
      demoRoutingInput(
        new Date(t),
        {
          language: a.segment.locale,
          customer: { country: a.segment.country, region: null, tier: null },
          text: 'A question about my last invoice.',
        },
        // The fallbacks the demo workspace is seeded with, as its routing applies them.
        { fallbacks: demoFallbacks },
      ),
    );
    const s = teams.get(decision.teamId!)!;
    const cal = s.team.calendar;
    // What the acknowledgement job sees: the team's 50 latest first replies of the last 14 days, its queue, its members.
    const samples: FirstReplySample[] = [];
    for (let i = s.all.length - 1; i >= 0 && samples.length < 50; i--) {
      const c = s.all[i]!;
      if (c.created < t - 14 * DAY_MS) break;
      if (c.replied !== undefined && c.replied <= t) samples.push({ createdAt: new Date(c.created), firstReplyAt: new Date(c.replied) });
    }
    const queue = s.all.filter((c) => c.created >= t - 30 * DAY_MS && (c.replied === undefined || c.replied > t)).length;
    const now = new Date(t);
    const median = medianFirstReply(samples, cal, policy);
    const readers = s.agents.filter((x) => x.reads.has(language)).length || s.agents.length;
    const eta = promiseEta(
      {
        now,
        calendar: cal,
        medianMinutes: median,
        replyGapMinutes: medianReplyGap(samples, cal, policy),
        queueAhead: queue,
        agents: s.agents.length,
        readers,
        timeZone: a.segment.timeZone,
      },
      policy,
    )!;
    const add = (minutes: number) => (cal ? addBusinessTime(cal, now, minutes)!.getTime() : t + minutes * MINUTE_MS);
    const conv: Conv = {
      arrival: a,
      language,
      created: t,
      outcome: {
        arrival: a,
        teamId: s.team.id,
        handover: decision.handover !== null,
        promised: eta.due.getTime(),
        wallHour: t + 60 * MINUTE_MS,
        businessHour: add(60),
        medianOnly: add(eta.medianMinutes),
        calendar: cal,
        basis: { median: eta.medianMinutes, gap: eta.gapMinutes, queue, readers, budget: eta.budgetMinutes },
      },
    };
    s.all.push(conv);
    s.waiting.push(conv);
    dispatch(s, t);
  };

  let next = 0;
  while (next < arrivals.length || events.size) {
    const e = events.peek();
    if (next < arrivals.length && (!e || arrivals[next]!.at <= e.t)) {
      arrive(arrivals[next++]!);
      continue;
    }
    const ev = events.pop();
    if (ev.agent) ev.agent.busy = false;
    else if (ev.team.wakeAt === ev.t) ev.team.wakeAt = null;
    dispatch(ev.team, ev.t);
  }
  return done;
}
