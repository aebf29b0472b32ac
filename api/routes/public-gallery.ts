import type { RequestHandler } from 'express';
import { z } from 'zod';
import { galleryChanges } from '../../core/gallery/gallery-changes';
import { galleryMaxAge, publicGallery } from '../../core/gallery/public-gallery';
import type { Services } from '../../core/runtime/services';
import { defineRoute } from '../http/route';
import { countryCode } from '../http/request-schemas';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';

const Rendition = z.object({
  width: z.number().nullable().describe('Width in pixels, when known'),
  height: z.number().nullable().describe('Height in pixels, when known'),
  format: z.string().describe('File format: webp, avif or jpeg for pictures, mp4 for previews'),
  durationS: z.number().optional().describe('Length in seconds, for previews'),
  url: z.string().describe('Where to load it from, without a key'),
});
const GalleryBody = z.object({
  items: z
    .array(
      z.object({
        assetId: z.uuid().describe('The asset’s id (send it back in widget events)'),
        kind: z.enum(['image', 'video']).describe('image or video'),
        creator: z
          .object({ handle: z.string().describe('Their handle, without the @'), platform: z.string().describe('Where they post, e.g. tiktok') })
          .describe('Who made it'),
        disclosure: z.string().nullable().describe('Label to show next to the item ("REKLAMA" in PL, "#ad" elsewhere), or null when the license needs none'),
        attributionRequired: z.boolean().describe('Whether the creator must be named next to the item'),
        renditions: z
          .object({
            images: z.array(Rendition).describe('Width variants of a picture, narrowest first (empty for videos); pick one for srcset'),
            posters: z.array(Rendition).describe('Stills of a video, to show before it plays (empty for pictures)'),
            previews: z.array(Rendition).describe('Short silent clips of a video, to play inline (empty for pictures)'),
            original: z
              .object({
                width: z.number().nullable().describe('Width in pixels as displayed, when known'),
                height: z.number().nullable().describe('Height in pixels as displayed, when known'),
                mimeType: z.string().describe('Its media type, e.g. video/mp4'),
                url: z.string().describe('Where to load it from, without a key'),
              })
              .describe('The original file, for a full-size view'),
          })
          .describe('The files to show'),
      }),
    )
    .describe('Licensed items, newest first (or in the curated order)'),
  faq: z
    .array(z.object({ question: z.string().describe('The question as published'), answer: z.string().describe('The brand’s answer') }))
    .describe('Published FAQ entries of the product, most asked first'),
});

const galleryExample = {
  items: [
    {
      assetId: EXAMPLE_IDS.asset,
      kind: 'video' as const,
      creator: { handle: 'ania.style', platform: 'tiktok' },
      disclosure: 'REKLAMA',
      attributionRequired: false,
      renditions: {
        images: [],
        posters: [{ width: 720, height: 1280, format: 'webp', url: `https://ugc.example.com/files/assets/${EXAMPLE_IDS.asset}/poster.webp` }],
        previews: [{ width: 540, height: 960, format: 'mp4', durationS: 6, url: `https://ugc.example.com/files/assets/${EXAMPLE_IDS.asset}/preview.mp4` }],
        original: { width: 1080, height: 1920, mimeType: 'video/mp4', url: `https://ugc.example.com/files/originals/${EXAMPLE_IDS.asset}` },
      },
    },
  ],
  faq: [{ question: 'Does it shrink in the wash?', answer: 'Pre-washed linen: it keeps its size at 30 °C.' }],
};

const gallery = defineRoute({
  method: 'get',
  path: '/public/v1/products/:sku/gallery',
  summary: 'Licensed creator content and published FAQ for a product page (no key; cached, rate-limited)',
  tag: 'public',
  access: 'public',
  params: z.object({ sku: z.string().min(1).max(200).meta({ description: 'The product’s SKU, as the shop names it', example: 'SKU-SHIRT-LINEN-01' }) }),
  query: z.object({ territory: countryCode() }),
  responses: {
    200: { description: 'Items whose license covers product_page in the territory now', schema: GalleryBody, example: galleryExample },
    304: { description: 'Unchanged since the ETag sent in If-None-Match' },
    400: { description: 'invalid_territory' },
    429: { description: 'rate_limited' },
  },
  handle: async ({ params, query, services, req, res }) => {
    const view = await publicGallery(services, params.sku, query.territory);
    res.set({
      ETag: view.etag,
      'Cache-Control': `public, max-age=${galleryMaxAge(view, services.config.galleryMaxAgeS)}`,
      // Embedded on shop pages of other origins by the widget.
      'Access-Control-Allow-Origin': '*',
      Vary: 'Accept-Encoding',
    });
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    // Gzipped when the client takes it and it is smaller (an empty gallery is not).
    const gzip = view.gzipped.length < view.body.length && req.acceptsEncodings('gzip', 'identity') === 'gzip';
    const bytes = gzip ? view.gzipped : view.body;
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    // Written directly: res.send would re-check freshness and copy the cached bytes again.
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', bytes.length);
    res.end(bytes);
  },
});

export const publicGalleryRoutes = [gallery];

/**
 * Any write through the API may change what a gallery shows (licenses, assets, renditions,
 * FAQ), so each drops the cached galleries (this API's, and with SHARE_REPLICA_STATE every
 * replica's): before it runs, so a client that reads right after its own write sees it, and
 * again when it is done, in case a gallery was loaded from the old rows meanwhile. Writes are
 * rare next to gallery reads; a reload costs a few queries.
 */
export function dropGalleriesOnWrite(services: Services): RequestHandler {
  const changes = galleryChanges(services); // made now: a replica listens before its first read
  const changed = () => changes.changed();
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      changed();
      res.once('finish', changed);
    }
    next();
  };
}
