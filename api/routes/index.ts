import type { AnyRoute } from '../http/route';
import { adRoutes } from './ads';
import { assetRoutes } from './assets';
import { commentRoutes } from './comments';
import { creatorCodeRoutes } from './creator-codes';
import { creatorPageRoutes } from './creator-page';
import { creatorPageLinkRoutes } from './creator-page-links';
import { creatorRoutes } from './creators';
import { cutRoutes } from './cuts';
import { faqRoutes } from './faq';
import { insightsRoutes } from './insights';
import { jobRoutes } from './jobs';
import { keyRoutes } from './keys';
import { licenseRoutes } from './licenses';
import { productRoutes } from './products';
import { publicGalleryRoutes } from './public-gallery';
import { rightsRoutes } from './rights';
import { requestPageRoutes } from './request-page';
import { rightsRequestRoutes } from './rights-requests';
import { takedownRoutes } from './takedowns';
import { trackingLinkRoutes } from './tracking-links';
import { usageRoutes } from './usage';
import { webhookRoutes } from './webhooks';
import { widgetRoutes } from './widget';

/**
 * Every JSON route of the API, in one list: mounted by the app and documented in OpenAPI.
 * Express tries routes in order, so the public gallery, by far the most requested, comes first.
 */
export const API_ROUTES: readonly AnyRoute[] = [
  ...publicGalleryRoutes,
  ...keyRoutes,
  ...jobRoutes,
  ...creatorRoutes,
  ...creatorCodeRoutes,
  ...creatorPageLinkRoutes,
  ...takedownRoutes,
  ...creatorPageRoutes,
  ...assetRoutes,
  ...cutRoutes,
  ...licenseRoutes,
  ...rightsRoutes,
  ...rightsRequestRoutes,
  ...requestPageRoutes,
  ...adRoutes,
  ...trackingLinkRoutes,
  ...usageRoutes,
  ...webhookRoutes,
  ...widgetRoutes,
  ...commentRoutes,
  ...faqRoutes,
  ...insightsRoutes,
  ...productRoutes,
];
