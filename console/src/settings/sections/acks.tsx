import { DocumentSection, type DocumentConfig } from '../document-section';
import { bool, optNumber } from '../forms';

interface Acks {
  enabled: boolean;
  windowMinutes: number;
}

export function AcksSection() {
  const config: DocumentConfig<Acks> = {
    title: 'settings.acks.title',
    intro: 'settings.acks.intro',
    path: '/api/v1/settings/acknowledgements',
    method: 'put',
    fields: [
      { name: 'enabled', label: 'settings.field.acksEnabled', kind: 'checkbox' },
      { name: 'windowMinutes', label: 'settings.field.windowMinutes', kind: 'number', hint: 'settings.hint.windowMinutes' },
    ],
    toForm: (a) => ({ enabled: a.enabled, windowMinutes: String(a.windowMinutes) }),
    toBody: (v) => ({ enabled: bool(v.enabled), windowMinutes: optNumber(v.windowMinutes) ?? 0 }),
  };
  return <DocumentSection config={config} />;
}
