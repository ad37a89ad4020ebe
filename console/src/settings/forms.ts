import type { ReactNode } from 'react';
import type { ApiErrorDetail } from '../api/client';
import type { MessageId } from '../i18n/messages';

/**
 * The settings pages' forms are described as data: a field list, a mapping from an item to form
 * values and back to the API body. The server validates; its error paths (body/name,
 * body/definition/weekly/0/start) are shown next to the field whose `paths` they start with.
 */

export type FieldKind = 'text' | 'email' | 'password' | 'number' | 'select' | 'multi' | 'list' | 'lines' | 'checkbox' | 'custom';

export interface Option {
  value: string;
  label: string;
}

export interface FieldDef {
  name: string;
  label: MessageId;
  kind: FieldKind;
  hint?: MessageId;
  options?: Option[];
  required?: boolean;
  /** Shown only when creating (e.g. an agent's e-mail and password, a channel's kind). */
  createOnly?: boolean;
  /** Body paths (without `body/`) whose errors belong to this field; default: the field's name. */
  paths?: string[];
  /** kind 'custom': an editor of its own (routing rules, say) for a structured value. */
  render?: (props: CustomFieldProps) => ReactNode;
  /** Neighbouring fields of one group share a fieldset with this legend. */
  group?: MessageId;
}

/** The fields in runs to render: each run of neighbours with the same group, a field without one alone. */
export function fieldGroups<F extends Pick<FieldDef, 'group'>>(fields: readonly F[]): { group?: MessageId; fields: F[] }[] {
  const out: { group?: MessageId; fields: F[] }[] = [];
  for (const f of fields) {
    const last = out[out.length - 1];
    if (f.group && last?.group === f.group) last.fields.push(f);
    else out.push({ group: f.group, fields: [f] });
  }
  return out;
}

/** A server error under a custom field, its path relative to the field's ('0/when/languages/1'). */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface CustomFieldProps {
  value: FormValue | undefined;
  onChange(v: FormValue): void;
  issues: readonly FieldIssue[];
}

/** `object`: the structured value of a custom field, which only its editor and mapping read. */
export type FormValue = string | boolean | string[] | object;
export type FormValues = Record<string, FormValue>;

/** A field's value the user typed that cannot become a body (a malformed line, say): shown like a server error. */
export class FieldInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export const arr = (v: FormValue | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
export const str = (v: FormValue | undefined): string => (typeof v === 'string' ? v : Array.isArray(v) ? arr(v).join(', ') : '');
export const bool = (v: FormValue | undefined): boolean => v === true;
/** A custom field's rows (the editor and its mapping agree on T). */
export const rows = <T>(v: FormValue | undefined): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** "de, fr ,pt-BR" → ['de', 'fr', 'pt-BR']; blank → []. */
export const splitList = (v: FormValue | undefined): string[] =>
  str(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A trimmed text, or undefined when blank (so optional fields are left out of the body). */
export const optText = (v: FormValue | undefined): string | undefined => str(v).trim() || undefined;

/** A number field: blank → undefined; anything else goes to the server as typed (it says what is wrong). */
export function optNumber(v: FormValue | undefined): number | undefined {
  const s = str(v).trim();
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : (s as unknown as number);
}

/** The details a custom field claims, with paths relative to it (its own path itself becomes ''). */
export function issuesFor(field: FieldDef, details: readonly ApiErrorDetail[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const d of details) {
    const path = d.path.replace(/^body\/?/, '');
    for (const p of field.paths ?? [field.name]) {
      if (path === p || path.startsWith(`${p}/`)) {
        out.push({ path: path.slice(p.length + 1), message: d.message });
        break;
      }
    }
  }
  return out;
}

/** Messages of the issues at `prefix` or under it ('' takes them all). */
export const issuesAt = (issues: readonly FieldIssue[], prefix: string): string[] =>
  issues
    .filter((i) => prefix === '' || i.path === prefix || i.path.startsWith(`${prefix}/`))
    .map((i) => (i.path === prefix ? i.message : `${prefix === '' ? i.path : i.path.slice(prefix.length + 1)}: ${i.message}`));

/** Server error details → messages per field name; those no field claims go under ''. */
export function errorsByField(fields: readonly FieldDef[], details: readonly ApiErrorDetail[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of details) {
    const path = d.path.replace(/^body\/?/, '');
    const owner = fields.find((f) => (f.paths ?? [f.name]).some((p) => path === p || path.startsWith(`${p}/`)));
    const key = owner?.name ?? '';
    const shown = owner && path !== (owner.paths ?? [owner.name])[0] ? `${path}: ${d.message}` : d.message;
    (out[key] ??= []).push(shown);
  }
  return out;
}
