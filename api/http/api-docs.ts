import path from 'node:path';
import { Router, type Response } from 'express';
import { apiDocsContentSecurityPolicy } from './security-headers';

/** Swagger UI's prebuilt browser files, installed from npm: served from here, never a CDN, so the page works offline. */
const SWAGGER_UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
/** Only the files the page loads; the package's own index.html and initializer (the petstore demo) stay unserved. */
const SWAGGER_UI_FILES = ['swagger-ui-bundle.js', 'swagger-ui.css', 'favicon-32x32.png'];
export const API_DOCS_PATH = '/api/docs';
const HOUR_S = 60 * 60;

/**
 * Starts Swagger UI on /api/openapi.json. A file of its own rather than an inline script, so
 * the page's CSP allows scripts from this origin only. No validator badge (it would call
 * validator.swagger.io), no "try it out" until asked, links to each operation (#/tag/op).
 */
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
  persistAuthorization: false,
});
`;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>UGC rights library API reference</title>
<link rel="icon" href="${API_DOCS_PATH}/favicon-32x32.png">
<link rel="stylesheet" href="${API_DOCS_PATH}/swagger-ui.css">
</head><body>
<div id="swagger-ui"></div>
<script src="${API_DOCS_PATH}/swagger-ui-bundle.js"></script>
<script src="${API_DOCS_PATH}/init.js"></script>
</body></html>`;

/**
 * The readable API reference at /api/docs: Swagger UI (swagger-ui-dist) rendering
 * /api/openapi.json, with a Content-Security-Policy of its own (see apiDocsContentSecurityPolicy).
 */
export function apiDocsRouter(): Router {
  const router = Router();
  const policy = apiDocsContentSecurityPolicy();
  const send = (res: Response, type: string, body: string) => {
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('Cache-Control', 'no-cache');
    res.type(type).send(body);
  };
  router.get(API_DOCS_PATH, (_req, res) => send(res, 'html', PAGE));
  router.get(`${API_DOCS_PATH}/init.js`, (_req, res) => send(res, 'js', INIT_SCRIPT));
  for (const file of SWAGGER_UI_FILES) {
    router.get(`${API_DOCS_PATH}/${file}`, (_req, res, next) => {
      res.setHeader('Content-Security-Policy', policy);
      res.sendFile(path.join(SWAGGER_UI_DIR, file), { maxAge: HOUR_S * 1000 }, (err) => err && next(err));
    });
  }
  return router;
}
