import { element } from './dom';
import type { GalleryItem } from './gallery-types';
import { responsivePicture } from './responsive-picture';
import type { WidgetStrings } from './widget-strings';

/**
 * One gallery item as a list entry: its picture (a video shows its poster, and a button over it
 * that swaps in the muted preview and plays it), the creator's handle and, when the license
 * asks for one, the disclosure badge. Null when the item has nothing to show.
 */
export function mediaTile(item: GalleryItem, resolve: (url: string) => string, strings: WidgetStrings): HTMLLIElement | null {
  const tile = element('li');
  tile.dataset.asset = item.assetId;
  const handle = `@${item.creator.handle}`;
  const isVideo = item.kind === 'video';
  const alt = isVideo ? strings.videoAlt(handle) : strings.photoAlt(handle);
  const hide = () => (tile.hidden = true);
  const picture = responsivePicture(isVideo ? item.renditions.posters : stills(item), alt, resolve, hide);
  if (!picture) return null;
  tile.append(picture);
  const preview = item.renditions.previews[0];
  if (isVideo && preview) tile.append(playButton(picture, resolve(preview.url), alt, strings.play(handle), hide));
  tile.append(element('span', 'who', handle));
  if (item.disclosure) tile.append(element('span', 'ad', item.disclosure));
  return tile;
}

/** An image's width variants; its original when it has none (an image the browser can show). */
function stills(item: GalleryItem): GalleryItem['renditions']['images'] {
  const { images, original } = item.renditions;
  if (images.length || !/^image\/(jpeg|png|webp|gif|avif)$/.test(original.mimeType)) return images;
  return [{ width: original.width, height: original.height, format: original.mimeType.slice(6), url: original.url }];
}

function playButton(poster: HTMLPictureElement, src: string, alt: string, label: string, onBroken: () => void): HTMLButtonElement {
  const button = element('button', 'play');
  button.type = 'button';
  button.setAttribute('aria-label', label);
  button.onclick = () => {
    const video = element('video');
    video.muted = true; // previews are silent; muted also lets it play without a further gesture
    video.playsInline = true;
    video.controls = true;
    video.loop = true;
    video.setAttribute('aria-label', alt);
    video.poster = poster.querySelector('img')!.currentSrc;
    video.onerror = onBroken;
    video.src = src;
    poster.replaceWith(video);
    button.remove();
    video.focus(); // keyboard users keep their place: on the player, not on <body>
    video.play().catch(() => undefined); // a refused autoplay leaves the poster and the controls
  };
  return button;
}
