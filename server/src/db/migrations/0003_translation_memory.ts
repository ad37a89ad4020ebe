// Translation memory: never pay (or wait) twice for the same segment. Texts are stored as sent
// to the engine, i.e. with PII and protected terms already replaced by tokens, so the memory
// holds no personal data and one cached segment serves every customer.
export const up = /* sql */ `
CREATE TABLE translation_memory (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  provider text NOT NULL,
  source_lang text NOT NULL,
  target_lang text NOT NULL,
  format text NOT NULL,
  source_hash text NOT NULL,
  source_text text NOT NULL,
  translated_text text NOT NULL,
  unknown_ratio real,
  hits integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, provider, source_lang, target_lang, format, source_hash)
);
`;
