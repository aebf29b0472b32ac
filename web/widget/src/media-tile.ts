import { element } from './dom';
import type { GalleryItem } from './gallery-types';
import { openLightbox } from './lightbox';
import { play, previewVideo } from './preview-video';
import { responsivePicture } from './responsive-picture';
import type { WidgetStrings } from './widget-strings';

/**
 * One gallery item as a list entry: its picture (a video shows its poster, and a button over it
 * that swaps in the muted preview and plays it), a button that opens it larger in the lightbox
 * (over the whole photo; in a corner of a video), the creator's handle and, when the license
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
  const posterOf = () => picture.querySelector('img')!.currentSrc;
  if (isVideo && preview) {
    const src = resolve(preview.url);
    tile.append(playButton(picture, () => previewVideo(src, posterOf(), alt, hide), strings.play(handle)));
    tile.append(enlargeButton('open', strings.enlarge(alt), () => previewVideo(src, posterOf(), alt, () => undefined), alt, strings));
  } else if (!isVideo) {
    tile.append(enlargeButton('open fill', strings.enlarge(alt), () => responsivePicture(stills(item), alt, resolve, () => undefined, true)!, alt, strings));
  }
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

function playButton(poster: HTMLPictureElement, makeVideo: () => HTMLVideoElement, label: string): HTMLButtonElement {
  const button = labelledButton('play', label);
  button.onclick = () => {
    const video = makeVideo();
    poster.replaceWith(video);
    button.remove();
    video.focus(); // keyboard users keep their place: on the player, not on <body>
    play(video);
  };
  return button;
}

/** Opens a fresh copy of the media in the lightbox, so the tile (and a video playing in it) stays as it is. */
function enlargeButton(className: string, label: string, makeMedia: () => HTMLElement, alt: string, strings: WidgetStrings): HTMLButtonElement {
  const button = labelledButton(className, label);
  button.onclick = () => {
    const media = makeMedia();
    openLightbox(button, media, alt, strings.close);
    if (media instanceof HTMLVideoElement) play(media);
  };
  return button;
}

function labelledButton(className: string, label: string): HTMLButtonElement {
  const button = element('button', className);
  button.type = 'button';
  button.setAttribute('aria-label', label);
  return button;
}
