import { z } from 'zod';
import { MIN_DISCLOSURE_VISIBLE } from '../../core/ads/disclosure-text';
import { requestAdCuts } from '../../core/ads/request-ad-cuts';
import { CUT_ASPECTS, MAX_CUTS_PER_REQUEST, MAX_DISCLOSURE_CHARS, MIN_CUT_S } from '../../core/vocabulary/ad-cut-request';
import { RIGHTS_REASONS } from '../../core/vocabulary/rights-reasons';
import { defineRoute } from '../http/route';
import { idParams } from '../http/request-schemas';
import { typedNumber } from '../http/typed-number';

/**
 * A label drawn on the video. Only its type is checked here: what makes it visible text is
 * checked in core/ads (assertVisibleDisclosures), so every problem has one code, invalid_disclosure.
 */
const Disclosure = z
  .string()
  .trim()
  .describe(
    `One line of visible text: ${MIN_DISCLOSURE_VISIBLE} to ${MAX_DISCLOSURE_CHARS} characters, at least ${MIN_DISCLOSURE_VISIBLE} of them visible, no control, bidirectional or invisible formatting characters`,
  );

const CutRequest = z.object({
  aspect: z.enum(CUT_ASPECTS).describe('The frame: 9:16 (1080×1920, stories and reels), 1:1 (1080×1080), 4:5 (1080×1350) or 16:9 (1920×1080)'),
  durationS: typedNumber(z.number().min(MIN_CUT_S)).describe(
    `The cut’s length in seconds, at least ${MIN_CUT_S} and no more than the source has from startS; a number or a string (15 or "15")`,
  ),
  startS: typedNumber(z.number().min(0)).optional().describe('Seconds, as a number or a string; absent: the most eventful window of the source (the hook)'),
  fit: z.enum(['crop', 'blur']).optional().describe('crop (default): fill the frame; blur: all of the source over a blurred copy'),
  disclosure: Disclosure.nullable().optional().describe("Absent: the license territory's default label (REKLAMA for Poland alone, else #ad); null: none"),
});

const requestCuts = defineRoute({
  method: 'post',
  path: '/api/v1/assets/:id/cuts',
  summary: 'Queue ad cuts of a video (aspect, length, start, fit, disclosure label); the same request while queued gets the same job',
  tag: 'ads',
  access: ['content_manager', 'performance'],
  params: idParams,
  body: z.object({ cuts: z.array(CutRequest).min(1).max(MAX_CUTS_PER_REQUEST).describe(`The cuts to make, 1 to ${MAX_CUTS_PER_REQUEST}`) }),
  bodyExample: {
    cuts: [
      { aspect: '9:16', durationS: 15, fit: 'crop' },
      { aspect: '1:1', durationS: 6, startS: 4.5, fit: 'blur', disclosure: '#ad' },
    ],
  },
  responses: {
    202: {
      description: 'Queued: follow it at GET /api/v1/jobs/:id',
      schema: z.object({ jobId: z.string().describe('The job making the cuts (GET /api/v1/jobs/{id}); its result lists the cuts') }),
      example: { jobId: 'media.1302' },
    },
    400: { description: 'invalid_id' },
    403: {
      description: `derivatives_not_allowed: no license lets this asset be edited for a paid channel now; details.reasons lists ${RIGHTS_REASONS.join(', ')} as they apply`,
    },
    404: { description: 'asset_not_found' },
    409: { description: 'asset_not_ready while it is uploaded or processing; asset_failed when processing failed (details.error)' },
    422: {
      description:
        'invalid_cuts (details.issues), invalid_disclosure (a label that is blank, invisible, under 2 visible characters, too long, or carries control or bidi characters; details.index), not_a_video, cut_too_long (every cut too long for the source: details.indexes and details.cuts; details.index is the first), disclosure_required (the license requires a label, a cut asks for none)',
    },
  },
  handle: async ({ params, body, caller, services }) => ({
    status: 202,
    body: { jobId: await requestAdCuts(services, params.id, body.cuts, caller?.keyId ?? null) },
  }),
});

export const cutRoutes = [requestCuts];
