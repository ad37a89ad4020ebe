// Colours meet WCAG AA: #1f4fd1 on white and white on #1f4fd1 are 6.3:1; #1a1a1a on #eef1f6 is 15:1;
// the focus ring is white inside dark, so it shows on the blue header and on any host page.
export const CSS = `:host{all:initial}
*{box-sizing:border-box;font:14px/1.4 system-ui,sans-serif;margin:0;color:inherit}
button{cursor:pointer;border:0;border-radius:8px;background:#1f4fd1;color:#fff;padding:8px}
:focus-visible{outline:2px solid #fff;box-shadow:0 0 0 4px #0b1f5c}
.l,.p{position:fixed;inset-inline-end:20px;z-index:2147483000;box-shadow:0 2px 12px #0006}
.l{bottom:20px;width:56px;height:56px;border-radius:50%;padding:14px}
.u::after{content:"";position:absolute;top:4px;right:4px;width:12px;height:12px;border-radius:50%;background:#d4351c}
.p{bottom:88px;width:min(370px,100vw - 40px);height:min(560px,100vh - 110px);display:flex;flex-direction:column;background:#fff;color:#1a1a1a;border-radius:12px;overflow:hidden}
[hidden]{display:none}
header{background:#1f4fd1;color:#fff;padding:12px 48px 12px 16px;position:relative}
h2{font-weight:600}
.x{position:absolute;top:8px;inset-inline-end:8px;width:36px;font-size:20px}
.g{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px}
.m{max-width:85%;padding:8px 12px;border-radius:12px;background:#eef1f6;white-space:pre-wrap;overflow-wrap:anywhere;align-self:flex-start}
.v{align-self:flex-end;background:#1f4fd1;color:#fff}
small{display:block;font-size:12px}
.t,.e,.n{padding:4px 12px}
.e{color:#b3261e}
form{display:flex;flex-wrap:wrap;gap:8px;padding:12px;border-top:1px solid #ccc}
label,.f{display:flex;flex-wrap:wrap;width:100%;gap:4px}
input,textarea{border:1px solid #767676;border-radius:8px;padding:8px;width:100%;background:#fff}
form>textarea{flex:1;width:0;resize:none}
.a{background:#eef1f6;color:#1a1a1a}
.q{font-style:italic}
.r{white-space:normal;display:flex;flex-wrap:wrap;gap:4px;margin-top:8px}
.r button{min-width:32px}
.r small{width:100%}`;
