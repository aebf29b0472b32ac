import escapeHtml from 'escape-html';
import type { RequestLanguageCode } from '../../core/vocabulary/rights-request-status';

/**
 * The frame of every page a creator sees (the acceptance page, their own page, the messages):
 * no script, one small stylesheet allowed by the response's CSP nonce, readable on a phone.
 */
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#f6f6f4}
main{max-width:36rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;line-height:1.3}h2{font-size:1.1rem;margin-top:1.5rem}
ul.terms li{margin:.4rem 0}.posters{display:grid;grid-template-columns:repeat(auto-fill,minmax(6rem,1fr));gap:.5rem;padding:0;list-style:none}
.posters img{width:100%;aspect-ratio:1;object-fit:cover;border-radius:.4rem;background:#ddd}
label{display:block;margin:.8rem 0 .2rem;font-weight:600}input[type=text],input[type=email],textarea{width:100%;padding:.7rem;font:inherit;border:1px solid #767676;border-radius:.4rem}
.agree{display:flex;gap:.6rem;align-items:flex-start;font-weight:400}.agree input{width:1.4rem;height:1.4rem;margin-top:.1rem;flex:none}
button{display:block;width:100%;margin-top:1rem;padding:.9rem;font:inherit;font-weight:700;border:0;border-radius:.4rem;background:#0b57d0;color:#fff}
button.secondary{background:#fff;color:#1b1b1b;border:1px solid #767676}.problems{border-left:4px solid #b3261e;padding:.2rem .8rem;background:#fdecea}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}.note{color:#444}
.asset{border-top:1px solid #c8c8c8;padding:.8rem 0}.asset img{width:8rem;aspect-ratio:1;object-fit:cover;border-radius:.4rem;background:#ddd}
.asset h2{margin-top:.4rem}.asset h3{font-size:1rem;margin:.8rem 0 .2rem}.state{font-weight:600}.withdrawn,.pending{border-left:4px solid #8a6d00;padding:.2rem .8rem;background:#fff8e1}
`;

export function pageDocument(language: RequestLanguageCode, title: string, body: string, nonce: string): string {
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}
