import { element } from './dom';

/**
 * A video's muted preview, looping, with the browser's controls. Muted because previews are
 * silent, which also lets it start without a further gesture; inline so that phones do not
 * jump to full screen. A refused autoplay leaves the poster and the controls.
 */
export function previewVideo(src: string, poster: string, alt: string, onBroken: () => void): HTMLVideoElement {
  const video = element('video');
  video.muted = true;
  video.playsInline = true;
  video.controls = true;
  video.loop = true;
  video.setAttribute('aria-label', alt);
  video.poster = poster;
  video.onerror = onBroken;
  video.src = src;
  return video;
}

export function play(video: HTMLVideoElement): void {
  video.play().catch(() => undefined);
}
