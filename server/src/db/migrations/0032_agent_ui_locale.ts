// The console language an agent chose, so it follows them to any browser (null: the browser's).
export const up = /* sql */ `
ALTER TABLE agents ADD COLUMN ui_locale text;
`;
