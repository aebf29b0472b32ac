import { PROJECT_ROOT, RUNNING_COMPILED } from '../../core/config/project-root';
import { buildWidget } from '../../web/widget/build';
import { readBuiltWidget, type WidgetBundle } from '../../web/widget/widget-bundle';
import { defineRoute } from '../http/route';

/** Short: a fixed widget reaches every shop page within minutes; the ETag makes the rechecks cheap. */
const MAX_AGE_S = 300;

/**
 * Read once and kept: compiled (production), the bundle `npm run build` wrote; from the sources
 * (npm start, tests), built in memory from web/widget/src at the first request, so an edit shows
 * on restart (esbuild is loaded only then, see buildWidget). A failed read or build is retried by the next request.
 */
let bundle: Promise<WidgetBundle> | undefined;

async function loadWidget(): Promise<WidgetBundle> {
  return RUNNING_COMPILED ? readBuiltWidget(PROJECT_ROOT) : buildWidget();
}

function widgetBundle(): Promise<WidgetBundle> {
  bundle ??= loadWidget().catch((err: unknown) => {
    bundle = undefined;
    throw err;
  });
  return bundle;
}

const widgetScript = defineRoute({
  method: 'get',
  path: '/widget.js',
  summary: 'The <ugc-gallery> web component that shop pages embed (no key; gzip when accepted)',
  tag: 'public',
  access: 'public',
  responses: {
    200: { description: 'JavaScript (an IIFE defining the custom element)' },
    304: { description: 'Unchanged since the ETag sent in If-None-Match' },
  },
  handle: async ({ req, res }) => {
    const { code, gzipped, etag } = await widgetBundle();
    res.set({
      'Content-Type': 'application/javascript; charset=utf-8',
      'Cache-Control': `public, max-age=${MAX_AGE_S}`,
      ETag: etag,
      Vary: 'Accept-Encoding',
      // Lets pages load it with crossorigin (e.g. for Subresource Integrity) from their own origin.
      'Access-Control-Allow-Origin': '*',
    });
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    const gzip = req.acceptsEncodings('gzip', 'identity') === 'gzip';
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    const body = gzip ? gzipped : code;
    res.setHeader('Content-Length', body.length);
    res.end(body);
  },
});

export const widgetRoutes = [widgetScript];
