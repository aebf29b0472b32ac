import { z } from 'zod';
import { FaqEntryView } from '../../core/contract/faq-replies';
import { COMMENT_TOPICS } from '../../core/vocabulary/comment-labels';
import { FAQ_STATUSES } from '../../core/vocabulary/faq-status';
import { notFound } from '../../core/errors/domain-error';
import { updateFaqEntry } from '../../core/faq/faq-changes';
import { findFaqEntry, listFaqEntries } from '../../core/faq/faq-store';
import { visibleTextSchema } from '../../core/text/visible-text';
import { defineRoute } from '../http/route';
import { idParams, productSku } from '../http/request-schemas';

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/faq',
  summary: 'FAQ entries mined from comments, most asked first',
  tag: 'faq',
  access: 'authenticated',
  query: z.object({
    productSku: productSku().optional(),
    topic: z.enum(COMMENT_TOPICS).optional(),
    status: z.enum(FAQ_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  }),
  responses: { 200: { description: 'Entries', schema: z.object({ items: z.array(FaqEntryView) }) }, 400: { description: 'invalid_<filter>' } },
  handle: async ({ query, services }) => {
    const { limit, ...filter } = query;
    return { body: { items: await listFaqEntries(services.database.db, filter, limit) } };
  },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/faq/:id',
  summary: 'One FAQ entry',
  tag: 'faq',
  access: 'authenticated',
  params: idParams,
  responses: { 200: { description: 'The entry', schema: FaqEntryView }, 404: { description: 'faq_entry_not_found' } },
  handle: async ({ params, services }) => {
    const entry = await findFaqEntry(services.database.db, params.id);
    if (!entry) throw notFound('faq_entry', params.id);
    return { body: entry };
  },
});

const patchRoute = defineRoute({
  method: 'patch',
  path: '/api/v1/faq/:id',
  summary:
    'Word the question, write the answer, move the review status (draft → approved → published; back to draft to unpublish). ' +
    'Publishing needs an answer, sends faq.published webhooks and shows the entry in the public gallery. Audited.',
  tag: 'faq',
  access: ['content_manager'],
  params: idParams,
  body: z
    .object({
      // Shown on shop pages: visible text, no direction overrides or invisible stand-ins (422 invalid_question / invalid_answer).
      question: visibleTextSchema(500).optional(),
      answer: visibleTextSchema(5000, { minVisible: 1, multiline: true }).nullable().optional(),
      status: z.enum(FAQ_STATUSES).optional(),
    })
    .strict(),
  responses: {
    200: { description: 'Updated', schema: FaqEntryView },
    404: { description: 'faq_entry_not_found' },
    409: { description: 'invalid_transition' },
    422: { description: 'answer_required, invalid_question, invalid_answer, invalid_status' },
  },
  handle: async ({ params, body, caller, services }) => ({ body: await updateFaqEntry(services, caller!.keyId, params.id, body) }),
});

export const faqRoutes = [listRoute, getRoute, patchRoute];
