import { escapeHtml as esc } from '../email/outbound/headers.js';
import { overrideFor, type SurveyTextOverride } from './compose-invitation.js';
import { SCALE, type SurveyKind } from './survey-kinds.js';
import type { SurveyReason } from './survey-responses.repo.js';
import { fill, surveyTexts, type SurveyTexts } from './survey-texts.js';

/** What the survey page shows; rendered server-side, so it works without JavaScript. */
export interface SurveyPageModel {
  /** The survey's locale (texts fall back from it). */
  locale: string | null;
  workspace: string;
  /** The link's token: the form posts back to /s/<token>. */
  token: string;
  kind: SurveyKind;
  /** A line above the form: a thank-you (status) or a problem (alert). */
  notice?: { text: string; alert?: boolean } | undefined;
  /** The recorded score; until there is one the form asks for it. */
  answered: number | null;
  /** The score to preselect (one-click links: `?score=`). */
  selected?: number | undefined;
  /** Submit the preselected score as soon as the page loads (one-click links). */
  autoSubmit?: boolean | undefined;
  reasons: SurveyReason[];
  chosenReasons: string[];
  askComment: boolean;
  comment: string | null;
  /** The workspace's rewordings per locale: the question and the scale's ends are shown as reworded. */
  overrides?: Readonly<Record<string, SurveyTextOverride>> | undefined;
}

/** A reason's label in the survey's language: full tag, then language, then English, then its key. */
export function reasonLabel(r: SurveyReason, locale: string | null): string {
  const tag = locale ?? '';
  const lower = Object.fromEntries(Object.entries(r.labels).map(([k, v]) => [k.toLowerCase(), v]));
  return lower[tag.toLowerCase()] ?? lower[tag.toLowerCase().split(/[-_]/)[0]!] ?? lower.en ?? r.key;
}

// Contrast (WCAG AA): #1a1a1a on white 17:1; white on #1f4fd1 6.3:1; #3d3d3d on white 10.9:1; #b3261e on white 6.5:1.
// Every choice is a 48 px target; the focus ring is 3 px and offset so it shows on the blue of a chosen score.
const CSS = `*{box-sizing:border-box}
body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.5rem;margin:0 0 .25rem}
.ws{margin:0 0 1.5rem;color:#3d3d3d}
.notice{padding:.75rem 1rem;border-radius:8px;background:#e8f0fe;margin:0 0 1.5rem}
.notice.alert{background:#fdecea;color:#b3261e}
fieldset{border:0;padding:0;margin:0 0 1.5rem;min-width:0}
legend{font-weight:600;font-size:1.1rem;margin-bottom:.75rem;padding:0}
.scale{display:flex;flex-wrap:wrap;gap:.5rem}
.scale label{position:relative;display:flex;align-items:center;justify-content:center;min-width:48px;min-height:48px;padding:0 .5rem;border:2px solid #1f4fd1;border-radius:8px;font-weight:600;cursor:pointer;color:#1f4fd1;background:#fff}
.scale input{position:absolute;opacity:0;inset:0;margin:0;cursor:pointer}
.scale label:has(input:checked){background:#1f4fd1;color:#fff}
.scale label:has(input:focus-visible){outline:3px solid #0b1f5c;outline-offset:3px}
.anchors{display:flex;justify-content:space-between;gap:1rem;margin-top:.5rem;font-size:.95rem;color:#3d3d3d}
.choice{display:flex;align-items:center;gap:.75rem;min-height:48px}
.choice input{width:24px;height:24px;margin:0}
label.text{display:block;font-weight:600;margin-bottom:.5rem}
textarea{display:block;width:100%;min-height:8rem;padding:.75rem;font:inherit;border:2px solid #767676;border-radius:8px}
button{min-height:48px;padding:0 1.5rem;font:inherit;font-weight:600;border:0;border-radius:8px;background:#1f4fd1;color:#fff;cursor:pointer}
input:focus-visible,textarea:focus-visible,button:focus-visible{outline:3px solid #0b1f5c;outline-offset:3px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

function shell(lang: string, t: SurveyTexts, workspace: string, nonce: string, body: string): string {
  return `<!doctype html>
<html lang="${esc(lang)}" dir="${t.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow">
<title>${esc(t.pageTitle)} · ${esc(workspace)}</title>
<style nonce="${nonce}">${CSS}</style>
</head>
<body>
<main>
<h1>${esc(t.pageTitle)}</h1>
<p class="ws">${esc(workspace)}</p>
${body}
</main>
</body>
</html>
`;
}

/** A page with one sentence and nothing to fill in: an invalid or expired link. */
export function renderNoticePage(locale: string | null, workspace: string, text: (t: SurveyTexts) => string, nonce: string): string {
  const { key, texts } = surveyTexts(locale);
  return shell(key, texts, workspace, nonce, `<p class="notice alert" role="alert">${esc(text(texts))}</p>`);
}

/** The survey form (score until one is recorded, then reasons and comment), with its notice. */
export function renderSurveyPage(m: SurveyPageModel, nonce: string): string {
  const { key, texts: t } = surveyTexts(m.locale);
  const own = overrideFor(m.overrides, m.locale, key);
  const parts: string[] = [];
  if (m.notice)
    parts.push(
      `<p class="notice${m.notice.alert ? ' alert' : ''}" role="${m.notice.alert ? 'alert' : 'status'}">${esc(m.notice.text)}</p>`,
    );
  const fields: string[] = [];
  if (m.answered === null) {
    const { min, max } = SCALE[m.kind];
    const radios: string[] = [];
    for (let n = min; n <= max; n++) {
      const anchor = n === min ? ' aria-describedby="low"' : n === max ? ' aria-describedby="high"' : '';
      const checked = m.selected === n ? ' checked' : '';
      radios.push(`<label><input type="radio" name="score" value="${n}" required${checked}${anchor}>${n}</label>`);
    }
    fields.push(`<fieldset>
<legend>${esc(fill(own.question ?? t.question[m.kind], m.workspace))}</legend>
<div class="scale">${radios.join('')}</div>
<div class="anchors"><span id="low">${min} = ${esc(own.low ?? t.low[m.kind])}</span><span id="high">${max} = ${esc(own.high ?? t.high[m.kind])}</span></div>
</fieldset>`);
  } else {
    fields.push(`<p>${esc(t.scoreLegend)}: <strong>${m.answered}</strong></p>`);
  }
  if (m.reasons.length) {
    const boxes = m.reasons.map((r, i) => {
      const checked = m.chosenReasons.includes(r.key) ? ' checked' : '';
      return `<div class="choice"><input type="checkbox" id="r${i}" name="reason" value="${esc(r.key)}"${checked}><label for="r${i}">${esc(reasonLabel(r, m.locale))}</label></div>`;
    });
    // The marker says the reasons were on the form, so unticking them all clears them.
    fields.push(
      `<fieldset><legend>${esc(t.reasonsLegend)}</legend>${boxes.join('')}<input type="hidden" name="reasons" value="1"></fieldset>`,
    );
  }
  if (m.askComment)
    fields.push(
      `<p><label class="text" for="comment">${esc(t.commentLabel)}</label><textarea id="comment" name="comment" maxlength="5000">${esc(m.comment ?? '')}</textarea></p>`,
    );
  // Once scored, a survey without reasons or a comment has nothing left to send.
  if (m.answered === null || m.reasons.length || m.askComment)
    parts.push(`<form id="survey" method="post" action="${esc(m.token)}">
${fields.join('\n')}
<button type="submit">${esc(t.submit)}</button>
</form>`);
  else parts.push(fields.join('\n'));
  // One-click links: the score in the e-mail is sent by this script after the page loads (a GET records nothing,
  // so mail scanners that fetch links do not answer for the customer). Without JavaScript the button does it.
  if (m.autoSubmit && m.answered === null && m.selected !== undefined)
    parts.push(`<script nonce="${nonce}">document.getElementById('survey').submit()</script>`);
  return shell(key, t, m.workspace, nonce, parts.join('\n'));
}
