import { FieldInputError, str, type FormValue } from './forms';

export interface WeeklyHours {
  days: number[];
  start: string;
  end: string;
}

const LINE = /^([1-7](?:\s*[-,]\s*[1-7])*)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/;

/** "1-5 09:00-17:00" → { days: [1..5], start, end }: ISO weekdays (1 = Monday), ranges and lists. */
export function parseWeekly(field: string, v: FormValue | undefined): WeeklyHours[] {
  const out: WeeklyHours[] = [];
  str(v)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .forEach((line, i) => {
      const m = LINE.exec(line);
      if (!m) throw new FieldInputError(field, `line ${i + 1}: ${line}`);
      const days = new Set<number>();
      for (const part of m[1]!.split(',')) {
        const [a, b] = part.split('-').map((s) => Number(s.trim()));
        for (let d = a!; d <= (b ?? a!); d++) days.add(d);
      }
      out.push({ days: [...days], start: m[2]!, end: m[3]! });
    });
  return out;
}

/** The inverse of parseWeekly: consecutive days as a range. */
export function formatWeekly(weekly: readonly WeeklyHours[]): string {
  return weekly
    .map((w) => {
      const days = [...w.days].sort((a, b) => a - b);
      const parts: string[] = [];
      for (let i = 0; i < days.length;) {
        let j = i;
        while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
        parts.push(j > i ? `${days[i]}-${days[j]}` : String(days[i]));
        i = j + 1;
      }
      return `${parts.join(',')} ${w.start}-${w.end}`;
    })
    .join('\n');
}
