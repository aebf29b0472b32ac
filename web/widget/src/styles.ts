/**
 * The element's shadow styles. Every size is fixed before the gallery arrives (a strip of
 * --ugc-tile-height plus a scrollbar gutter, and one FAQ row), so loading, updating or failing
 * never moves the page around it; only a person opening the FAQ makes it grow. What is known to
 * be empty takes no space: the whole element when the gallery has nothing (state=empty), the strip
 * when only the FAQ has entries; unless the page keeps the space with `data-keep-space` (important,
 * so that a page's own `ugc-gallery{display:block}` does not undo it).
 * Arrows sit over the strip's ends; touch scrolls it, snapping to tiles. The lightbox is a modal
 * <dialog> in the top layer, the media as large as the viewport allows, never cropped.
 * Pages theme it through the custom properties below (documented in the README). Once a video
 * plays, the handle moves to the top, clear of the player's controls but still on show.
 */
export const STYLES = `
:host{display:block;font:var(--ugc-font,inherit);color:var(--ugc-color,inherit);--h:var(--ugc-tile-height,320px);--gap:var(--ugc-gap,8px)}
:host([hidden]),[hidden]{display:none}
:host([state=empty]:not([data-keep-space])){display:none!important}
:host([state=ready]:not([data-keep-space])) .frame:has(ul:empty){display:none}
:host([state=loading]) .arrow{visibility:hidden}
.frame{position:relative}
ul{display:flex;gap:var(--gap);height:calc(var(--h) + 16px);margin:0;padding:0;list-style:none;overflow-x:auto;overflow-y:hidden;scroll-snap-type:x mandatory;scrollbar-width:thin;overscroll-behavior-x:contain}
li{position:relative;flex:none;height:var(--h);width:calc(var(--h) * var(--ugc-tile-aspect,4/5));border-radius:var(--ugc-radius,8px);overflow:hidden;background:var(--ugc-placeholder,#f0f0f0);scroll-snap-align:start}
picture,img,video{display:block;width:100%;height:100%;object-fit:cover}
.who{position:absolute;left:0;right:0;bottom:0;padding:24px 10px 8px;background:linear-gradient(transparent,#0009);color:#fff;font-size:.875em;pointer-events:none;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
video~.who{top:0;bottom:auto;padding:8px 10px 24px;background:linear-gradient(#0009,transparent);text-align:right}
.ad{position:absolute;top:8px;left:8px;padding:2px 6px;border-radius:4px;background:var(--ugc-badge-bg,#000c);color:var(--ugc-badge-color,#fff);font-size:.75em;font-weight:600;pointer-events:none}
.play{position:absolute;inset:0;width:100%;border:0;padding:0;background:none;cursor:pointer}
.play::after{content:"";position:absolute;top:50%;left:50%;margin:-22px 0 0 -22px;width:44px;height:44px;border-radius:50%;background:var(--ugc-accent,#000a) url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'%3E%3Cpath d='M9 7l8 5-8 5z' fill='%23fff'/%3E%3C/svg%3E") center/24px no-repeat}
.open{position:absolute;top:8px;right:8px;width:36px;height:36px;border:0;border-radius:50%;padding:0;background:var(--ugc-accent,#000a) url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='%23fff' stroke-width='2'%3E%3Cpath d='M14 4h6v6M10 20H4v-6M20 4l-6 6M4 20l6-6'/%3E%3C/svg%3E") center/20px no-repeat;cursor:zoom-in}
.fill{inset:0;width:100%;height:100%;border-radius:0;background:none}
video~.who{padding-right:52px}
.arrow{position:absolute;z-index:1;top:calc(var(--h)/2 - 20px);width:40px;height:40px;border:0;border-radius:50%;background:#fffe;box-shadow:0 1px 4px #0006;color:#000;cursor:pointer}
.arrow::before{content:"";position:absolute;top:15px;left:14px;width:9px;height:9px;border:solid;border-width:0 2px 2px 0;transform:rotate(-45deg)}
.prev{left:8px}.next{right:8px}
.prev::before{left:17px;transform:rotate(135deg)}
.arrow[aria-disabled=true]{opacity:.35;cursor:default}
dialog{padding:0;border:0;border-radius:var(--ugc-radius,8px);background:#000;overflow:hidden;max-width:94vw;max-height:94vh}
dialog::backdrop{background:#000c}
dialog picture,dialog img,dialog video{width:auto;height:auto;max-width:94vw;max-height:94vh;object-fit:contain}
.close{position:absolute;z-index:1;top:8px;right:8px;width:40px;height:40px;border:0;border-radius:50%;background:#000a;color:#fff;font-size:26px;line-height:1;cursor:pointer}
:focus-visible{outline:var(--ugc-focus-ring,3px solid #1a73e8);outline-offset:-3px}
.faq{min-height:var(--ugc-faq-row-height,48px);margin-top:var(--gap)}
summary{min-height:var(--ugc-faq-row-height,48px);box-sizing:border-box;padding:12px 4px;cursor:pointer;font-weight:600}
details details{border-top:1px solid var(--ugc-divider,#0002)}
details details summary{font-weight:500}
details p{margin:0 4px 12px}
`;
