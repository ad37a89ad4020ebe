// Per-workspace translation settings: which engine (its non-secret settings as JSON; keys sealed
// with the server's secret key, never stored in the clear), whether customers are told a reply was
// machine-translated, the critical-content keyword lists (NULL = the built-in defaults), and the
// workspace glossary: terms kept verbatim or translated the same way every time.
export const up = /* sql */ `
CREATE TABLE translation_settings (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  provider jsonb,
  provider_secret text,
  disclose_machine_translation boolean NOT NULL DEFAULT false,
  critical_keywords jsonb,
  updated_at timestamptz NOT NULL
);

CREATE TABLE glossary_terms (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  term text NOT NULL,
  language text,
  translations jsonb NOT NULL DEFAULT '{}',
  case_sensitive boolean NOT NULL DEFAULT false,
  note text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX glossary_terms_term ON glossary_terms (workspace_id, lower(term), coalesce(language, ''));
`;
