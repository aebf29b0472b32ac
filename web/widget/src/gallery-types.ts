/** The public gallery as GET /public/v1/products/:sku/gallery returns it (api/routes/public-gallery.ts). */
export interface Rendition {
  width: number | null;
  height: number | null;
  format: string;
  durationS?: number;
  url: string;
}

export interface GalleryItem {
  assetId: string;
  kind: 'image' | 'video';
  creator: { handle: string; platform: string };
  /** The label to show next to the item ("REKLAMA", "#ad"), or null when the license needs none. */
  disclosure: string | null;
  attributionRequired: boolean;
  renditions: {
    images: Rendition[];
    posters: Rendition[];
    previews: Rendition[];
    original: { width: number | null; height: number | null; mimeType: string; url: string };
  };
}

export interface FaqEntry {
  question: string;
  answer: string;
}

export interface Gallery {
  items: GalleryItem[];
  faq: FaqEntry[];
}
