// A conversation's language settles as evidence grows (language/settle.ts): where it came from
// ('agent' is authoritative; 'stated' or 'detected' evidence otherwise), the winning language's
// share of the evidence, and the evidence itself, per language: {language, weight, stated}.
// Rows from before keep a NULL source; their language counts as one message's worth of evidence.
export const up = /* sql */ `
ALTER TABLE conversations
  ADD COLUMN language_source text CHECK (language_source IN ('agent', 'stated', 'detected')),
  ADD COLUMN language_confidence double precision CHECK (language_confidence BETWEEN 0 AND 1),
  ADD COLUMN language_evidence jsonb NOT NULL DEFAULT '{}';
`;
