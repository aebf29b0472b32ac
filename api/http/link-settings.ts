import type { Request } from 'express';
import type { LinkSettings } from '../../core/rights-requests/rights-request-view';
import type { Services } from '../../core/runtime/services';

/**
 * How links sent to people outside (creators) are made: under PUBLIC_BASE_URL when set, else
 * under the address the caller reached this API at (right for a local or single-host setup).
 */
export function linkSettings(services: Services, req: Request): LinkSettings {
  const baseUrl = services.config.publicBaseUrl ?? `${req.protocol}://${req.get('host')}`;
  return { secret: services.signingSecret, baseUrl, brandName: services.config.brandName };
}
