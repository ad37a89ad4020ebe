import { useCallback, useEffect, useRef, useState } from 'react';
import { isHello } from '../stream/stream';
import { useStreamEvents } from '../stream/stream-provider';
import * as api from './conversation-api';

export interface ConversationData {
  conversation: api.Conversation;
  messages: api.Message[];
  attachments: api.AttachmentMeta[];
  routing: api.RoutingDecision[];
  changes: api.ConversationChange[];
  scheduled: api.ScheduledMessage[];
  customer: api.Customer;
  culture: api.CustomerCulture | null;
  otherConversations: api.Conversation[];
  agents: api.AgentSummary[];
}

export type LoadState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: ConversationData };

async function load(id: string): Promise<ConversationData> {
  const [conversation, messages, attachments, routing, changes, scheduled, agents] = await Promise.all([
    api.getConversation(id),
    api.listMessages(id),
    api.listAttachments(id),
    api.listRouting(id),
    api.listChanges(id),
    api.listScheduled(id),
    api.listAgents(),
  ]);
  const [customer, culture, others] = await Promise.all([
    api.getCustomer(conversation.customerId),
    // A missing culture profile is not worth failing the page for.
    api.getCulture(conversation.customerId).catch(() => null),
    api.customerConversations(conversation.customerId),
  ]);
  return {
    conversation,
    messages,
    attachments,
    routing,
    changes,
    scheduled,
    customer,
    culture,
    otherConversations: others.filter((c) => c.id !== id),
    agents,
  };
}

/**
 * Everything the conversation view shows, loaded together and again whenever the agent stream reports
 * a change to this conversation (or reconnects: events missed while it was down are not replayed).
 */
export function useConversation(id: string): { state: LoadState; reload(): void } {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let cancelled = false;
    load(id).then(
      (data) => !cancelled && setState({ status: 'ready', data }),
      // Keep showing what we have when a refetch fails; only the first load shows the error.
      (error: unknown) => !cancelled && setState((s) => (s.status === 'ready' ? s : { status: 'error', error })),
    );
    return () => {
      cancelled = true;
    };
  }, [id, version]);

  // One send makes several events (message.created, conversation.updated, SLA moves…): reload once for a burst.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (pending.current && clearTimeout(pending.current)), []);
  const soon = () => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(reload, 100);
  };
  useStreamEvents((frame) => {
    if (isHello(frame)) return soon();
    if (frame.type === 'conversation.typing') return;
    if (frame.subjectId === id || frame.payload['conversationId'] === id) soon();
  });

  return { state, reload };
}
