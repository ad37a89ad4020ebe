// The outbox is read through a cursor instead of marking each event: one row write per batch
// instead of one per event (and no dead tuples piling up on PGlite, which has no autovacuum).
// Events are ordered by the id of the transaction that wrote them; a reader only takes events of
// transactions older than every running one (pg_snapshot_xmin), so a slow transaction that
// commits later can never land behind the cursor.
export const up = /* sql */ `
ALTER TABLE events ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
DROP INDEX events_unprocessed;
ALTER TABLE events DROP COLUMN processed_at;
CREATE INDEX events_txid ON events (txid, id);

CREATE TABLE outbox_cursors (
  name text PRIMARY KEY,
  txid xid8 NOT NULL,
  event_id bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Events that exist when this runs were delivered by the old processor.
INSERT INTO outbox_cursors (name, txid, event_id)
SELECT 'default', pg_current_xact_id(), COALESCE(max(id), 0) FROM events;
`;
