import { createHash } from 'node:crypto';

// Inline so a reporter on a slow connection makes one request; allowed by its hash in the CSP.
export const PUBLIC_CSS = `
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#555;--line:#bbb;--accent:#0b5394;--warn:#a40000}
@media (prefers-color-scheme:dark){:root{--fg:#eee;--bg:#161616;--muted:#bbb;--line:#555;--accent:#8ab4f8;--warn:#ff8a80}.exit{background:#b00020}}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;padding:.5rem 1rem;border-bottom:1px solid var(--line)}
header p{margin:0;font-weight:600}
nav ul{display:flex;gap:.75rem;margin:0;padding:0;list-style:none}
main{max-width:40rem;margin:0 auto;padding:1rem}
a{color:var(--accent)}
.exit{background:#a40000;color:#fff;padding:.4rem .8rem;border-radius:.3rem;font-weight:700;text-decoration:none;position:fixed;top:.5rem;right:.5rem;z-index:10;box-shadow:0 0 0 2px var(--bg)}
header{padding-right:11rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:3rem;background:var(--bg);padding:.5rem}
fieldset{border:1px solid var(--line);border-radius:.4rem;margin:0 0 1rem;padding:.5rem 1rem 1rem}
legend{font-weight:600;padding:0 .3rem}
label{display:block;margin:.5rem 0 .2rem}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.3rem 0}
.choice label{margin:0}
input[type=text],input[type=date],input[type=number],textarea{width:100%;font:inherit;padding:.45rem;border:1px solid var(--line);border-radius:.3rem;background:var(--bg);color:var(--fg)}
input[type=checkbox],input[type=radio]{width:1.2rem;height:1.2rem;margin:.15rem 0 0}
textarea{min-height:10rem}
.hint{color:var(--muted);font-size:.9rem;margin:.1rem 0}
.error{color:var(--warn);font-weight:600}
[aria-invalid=true]{border-color:var(--warn);outline:2px solid var(--warn);outline-offset:1px}
.alert{border:2px solid var(--warn);padding:.5rem 1rem;border-radius:.4rem}
button{font:inherit;font-weight:700;padding:.6rem 1.2rem;border:0;border-radius:.3rem;background:var(--accent);color:var(--bg);cursor:pointer}
footer{max-width:40rem;margin:0 auto;padding:.5rem 1rem 1rem;border-top:1px solid var(--line)}
.guide h2{margin-top:1.5rem}
table{width:100%;border-collapse:collapse;margin:1rem 0}caption{text-align:left;font-weight:600;padding:.3rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line)}td{text-align:right}
.codename{font:700 1.5rem/1.4 ui-monospace,monospace;letter-spacing:.05em;word-spacing:.3em;padding:.75rem;border:2px dashed var(--accent);border-radius:.4rem;overflow-wrap:anywhere}
`.replace(/\n/g, '');

export const PUBLIC_CSS_HASH = `'sha256-${createHash('sha256').update(PUBLIC_CSS).digest('base64')}'`;
