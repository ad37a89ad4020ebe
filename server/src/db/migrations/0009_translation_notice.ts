// A workspace that discloses machine translation to customers stores, with the delivered
// translation, the notice in the customer's language that goes out under it (decided at send time,
// so a later settings change does not rewrite what a customer was told).
export const up = /* sql */ `
ALTER TABLE message_translations ADD COLUMN notice text;
`;
