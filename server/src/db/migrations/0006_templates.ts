// Multilingual reply templates: one row per template, one per (locale, formality) variant.
// A variant remembers the hash of the source-locale body it was written or translated from;
// when the source changes, the hashes differ and the variant is reported stale.
export const up = /* sql */ `
CREATE TABLE templates (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  source_locale text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (workspace_id, key),
  UNIQUE (workspace_id, id)
);

CREATE TABLE template_variants (
  workspace_id uuid NOT NULL,
  template_id uuid NOT NULL,
  locale text NOT NULL,
  formality text NOT NULL CHECK (formality IN ('formal', 'informal', 'neutral')),
  body text NOT NULL,
  source_hash text NOT NULL,
  origin text NOT NULL CHECK (origin IN ('human', 'machine')),
  reviewed boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, template_id, locale, formality),
  FOREIGN KEY (workspace_id, template_id) REFERENCES templates (workspace_id, id) ON DELETE CASCADE
);
`;
