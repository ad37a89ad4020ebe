// A workspace may restrict language detection of inbound messages to the languages it serves
// (NULL: any of the 176 languages the model knows).
export const up = /* sql */ `
ALTER TABLE translation_settings ADD COLUMN detection_languages text[];
`;
