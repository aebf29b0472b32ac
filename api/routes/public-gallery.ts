import type { RequestHandler } from 'express';
import { z } from 'zod';
import { galleryChanges } from '../../core/gallery/gallery-changes';
import { galleryMaxAge, publicGallery } from '../../core/gallery/public-gallery';
import type { Services } from '../../core/runtime/services';
import { defineRoute } from '../http/route';
import { countryCode } from '../http/request-schemas';

const Rendition = z.object({
  width: z.number().nullable(),
  height: z.number().nullable(),
  format: z.string(),
  durationS: z.number().optional(),
  url: z.string(),
});
const GalleryBody = z.object({
  items: z.array(
    z.object({
      assetId: z.uuid(),
      kind: z.enum(['image', 'video']),
      creator: z.object({ handle: z.string(), platform: z.string() }),
      disclosure: z.string().nullable().describe('Label to show next to the item ("REKLAMA" in PL, "#ad" elsewhere), or null when the license needs none'),
      attributionRequired: z.boolean(),
      renditions: z.object({
        images: z.array(Rendition),
        posters: z.array(Rendition),
        previews: z.array(Rendition),
        original: z.object({ width: z.number().nullable(), height: z.number().nullable(), mimeType: z.string(), url: z.string() }),
      }),
    }),
  ),
  faq: z.array(z.object({ question: z.string(), answer: z.string() })),
});

const gallery = defineRoute({
  method: 'get',
  path: '/public/v1/products/:sku/gallery',
  summary: 'Licensed creator content and published FAQ for a product page (no key; cached, rate-limited)',
  tag: 'public',
  access: 'public',
  params: z.object({ sku: z.string().min(1).max(200) }),
  query: z.object({ territory: countryCode() }),
  responses: {
    200: { description: 'Items whose license covers product_page in the territory now', schema: GalleryBody },
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
