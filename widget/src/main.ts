/**
 * widget.js: loaded with `<script async src=".../widget.js" data-key="wk_…">`. It replaces the
 * page's queue stub (`MeridianWidget(...)` calls made before it arrived), then waits for the host
 * page's load event and an idle moment before it fetches anything or touches the DOM.
 */
import { createWidget } from './widget.js';

type Api = ((cmd: string, arg?: unknown) => void) & { q?: ArrayLike<unknown>[]; v?: 1 };
const w = window as unknown as { MeridianWidget?: Api };
const script = (document.currentScript ?? document.querySelector('script[src*="widget.js"][data-key]')) as HTMLScriptElement | null;
const key = script?.dataset.key;

if (script && key && !w.MeridianWidget?.v) {
  const widget = createWidget({ key, base: new URL(script.src).origin, locale: script.dataset.locale });
  const queued = w.MeridianWidget?.q ?? [];
  const api: Api = (cmd, arg) => widget.command(cmd, arg);
  api.v = 1;
  w.MeridianWidget = api;
  for (const call of queued) api(call[0] as string, call[1]);
  // Safari has no requestIdleCallback.
  const go = () =>
    'requestIdleCallback' in window
      ? requestIdleCallback(() => void widget.boot(), { timeout: 2000 })
      : setTimeout(() => void widget.boot(), 1);
  if (document.readyState === 'complete') go();
  else addEventListener('load', go, { once: true });
}
