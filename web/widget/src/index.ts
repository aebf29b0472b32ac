/** Entry point of /widget.js: defines <ugc-gallery> once, even when a page includes the script twice. */
import { UgcGallery } from './ugc-gallery';

if (!customElements.get('ugc-gallery')) customElements.define('ugc-gallery', UgcGallery);
