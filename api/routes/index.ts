import type { AnyRoute } from '../http/route';
import { jobRoutes } from './jobs';
import { keyRoutes } from './keys';

/** Every JSON route of the API, in one list: mounted by the app and documented in OpenAPI. */
export const API_ROUTES: readonly AnyRoute[] = [...keyRoutes, ...jobRoutes];
