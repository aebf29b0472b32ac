/**
 * The element's shadow styles. Every size is fixed before the gallery arrives (a strip of
 * --ugc-tile-height plus a scrollbar gutter, and one FAQ row), so loading, updating or failing
 * never moves the page around it; only a person opening the FAQ makes it grow.
 * Pages theme it through the custom properties below (documented in the README). Once a video
 * plays, the handle moves to the top, clear of the player's controls but still on show.
 */
export const STYLES = `
:host{display:block;font:var(--ugc-font,inherit);color:var(--ugc-color,inherit);--h:var(--ugc-tile-height,320px);--gap:var(--ugc-gap,8px)}
:host([hidden]){display:none}
ul{display:flex;gap:var(--gap);height:calc(var(--h) + 16px);margin:0;padding:0;list-style:none;overflow-x:auto;overflow-y:hidden;scroll-snap-type:x mandatory;scrollbar-width:thin}
li{position:relative;flex:none;height:var(--h);width:calc(var(--h) * var(--ugc-tile-aspect,4/5));border-radius:var(--ugc-radius,8px);overflow:hidden;background:var(--ugc-placeholder,#f0f0f0);scroll-snap-align:start}
li[hidden]{display:none}
picture,img,video{display:block;width:100%;height:100%;object-fit:cover}
.who{position:absolute;left:0;right:0;bottom:0;padding:24px 10px 8px;background:linear-gradient(transparent,#0009);color:#fff;font-size:.875em;pointer-events:none;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
video~.who{top:0;bottom:auto;padding:8px 10px 24px;background:linear-gradient(#0009,transparent);text-align:right}
.ad{position:absolute;top:8px;left:8px;padding:2px 6px;border-radius:4px;background:var(--ugc-badge-bg,#000c);color:var(--ugc-badge-color,#fff);font-size:.75em;font-weight:600;pointer-events:none}
.play{position:absolute;inset:0;width:100%;border:0;padding:0;background:none;cursor:pointer}
.play::after{content:"";position:absolute;top:50%;left:50%;margin:-22px 0 0 -22px;width:44px;height:44px;border-radius:50%;background:var(--ugc-accent,#000a) url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'%3E%3Cpath d='M9 7l8 5-8 5z' fill='%23fff'/%3E%3C/svg%3E") center/24px no-repeat}
:focus-visible{outline:var(--ugc-focus-ring,3px solid #1a73e8);outline-offset:-3px}
.faq{min-height:var(--ugc-faq-row-height,48px);margin-top:var(--gap)}
summary{min-height:var(--ugc-faq-row-height,48px);box-sizing:border-box;padding:12px 4px;cursor:pointer;font-weight:600}
details details{border-top:1px solid var(--ugc-divider,#0002)}
details details summary{font-weight:500}
details p{margin:0 4px 12px}
`;
