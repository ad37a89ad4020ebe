// Placeholder: its owner replaces this with the tables (issue 6).
export const up = /* sql */ `SELECT 1;`;
