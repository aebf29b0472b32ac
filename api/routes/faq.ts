import { z } from 'zod';
import { FaqCommentView, FaqEntryView } from '../../core/contract/faq-replies';
import { COMMENT_LANGS } from '../../core/nlp/comment-classification';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../../core/vocabulary/comment-labels';
import { FAQ_STATUSES } from '../../core/vocabulary/faq-status';
import { notFound } from '../../core/errors/domain-error';
import { updateFaqEntry } from '../../core/faq/faq-changes';
import { listFaqComments } from '../../core/faq/faq-comments';
import { mergeFaqEntries, splitFaqEntry } from '../../core/faq/faq-review';
import { findFaqEntry, listFaqEntries } from '../../core/faq/faq-store';
import { visibleTextSchema } from '../../core/text/visible-text';
import { defineRoute } from '../http/route';
import { idParams, productSku } from '../http/request-schemas';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';
import { faqCommentExample, faqEntryExample } from '../../core/contract/reply-examples';

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/faq',
  summary: 'FAQ entries mined from comments, most asked first',
  tag: 'faq',
  access: 'authenticated',
  query: z
    .object({
      productSku: productSku().optional().meta({ description: 'Only entries about this product (its SKU)', example: 'SKU-SHIRT-LINEN-01' }),
      topic: z.enum(COMMENT_TOPICS).optional().meta({ description: 'Only entries on this topic', example: 'material' }),
      status: z.enum(FAQ_STATUSES).optional().meta({ description: 'Only entries in this review status', example: 'draft' }),
      lang: z.enum(COMMENT_LANGS).optional().meta({ description: 'Only entries in this language: pl, en or other', example: 'en' }),
      sentiment: z
        .enum(COMMENT_SENTIMENTS)
        .optional()
        .meta({ description: 'Only entries with at least one comment of this sentiment (a correction wins over the model)', example: 'negative' }),
      q: z.string().trim().min(1).max(200).optional().meta({ description: 'Words the question contains, any case', example: 'shrink' }),
      since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().meta({
        description:
          'Only entries asked at least once from this time on (by posting time, else import time): an ISO 8601 instant with an offset, or a day (from 00:00 UTC)',
        example: '2026-11-01',
      }),
      until: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().meta({
        description: 'Only entries asked at least once before this time: an ISO 8601 instant with an offset, or a day (to its 00:00 UTC); after since',
        example: '2026-12-01',
      }),
      dismissed: z
        .enum(['hide', 'only', 'any'])
        .default('hide')
        .meta({ description: 'hide (default): leave dismissed entries out; only: just them; any: both', example: 'hide' }),
      limit: z.coerce.number().int().min(1).max(500).default(200).meta({ description: 'How many entries at most, 1 to 500; 200 when absent', example: 50 }),
    })
    .refine((q) => !q.since || !q.until || new Date(q.since) < new Date(q.until), { path: ['until'], message: 'must be after since' }),
  responses: {
    200: {
      description: 'Entries, each with its trend',
      schema: z.object({ items: z.array(FaqEntryView).describe('Most asked first') }),
      example: { items: [faqEntryExample] },
    },
    400: { description: 'invalid_<filter>' },
  },
  handle: async ({ query, services }) => {
    const { limit, since, until, ...filter } = query;
    const period = { since: since ? new Date(since) : undefined, until: until ? new Date(until) : undefined };
    return { body: { items: await listFaqEntries(services.database.db, { ...filter, ...period }, limit) } };
  },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/faq/:id',
  summary: 'One FAQ entry',
  tag: 'faq',
  access: 'authenticated',
  params: idParams,
  responses: { 200: { description: 'The entry', schema: FaqEntryView, example: faqEntryExample }, 404: { description: 'faq_entry_not_found' } },
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
      question: visibleTextSchema(500).optional().describe('The question as shoppers will read it: up to 500 characters, one line'),
      answer: visibleTextSchema(5000, { minVisible: 1, multiline: true })
        .nullable()
        .optional()
        .describe('The brand’s answer: up to 5,000 characters, several lines allowed; null removes it'),
      status: z.enum(FAQ_STATUSES).optional().describe('draft → approved → published; draft again to unpublish'),
      dismissed: z.boolean().optional().describe('true takes it out of the review queue (not worth an answer); false brings it back'),
    })
    .strict(),
  bodyExample: { question: 'Does the linen shirt shrink in the wash?', answer: 'Pre-washed linen: it keeps its size at 30 °C.', status: 'published' },
  responses: {
    200: { description: 'Updated', schema: FaqEntryView, example: { ...faqEntryExample, question: 'Does the linen shirt shrink in the wash?' } },
    404: { description: 'faq_entry_not_found' },
    409: { description: 'invalid_transition, unpublish_first (dismissing a published entry), faq_dismissed (publishing a dismissed one)' },
    422: { description: 'answer_required, invalid_question, invalid_answer, invalid_status, invalid_dismissed' },
  },
  handle: async ({ params, body, caller, services }) => ({ body: await updateFaqEntry(services, caller!.keyId, params.id, body) }),
});

const commentsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/faq/:id/comments',
  summary: 'The comments behind an FAQ entry, newest first, with author, time and source (platform, permalink)',
  tag: 'faq',
  access: 'authenticated',
  params: idParams,
  query: z.object({
    limit: z.coerce.number().int().min(1).max(500).default(200).meta({ description: 'How many comments at most, 1 to 500; 200 when absent', example: 50 }),
  }),
  responses: {
    200: {
      description: 'Comments',
      schema: z.object({ items: z.array(FaqCommentView).describe('Newest first') }),
      example: { items: [faqCommentExample] },
    },
    404: { description: 'faq_entry_not_found' },
  },
  handle: async ({ params, query, services }) => {
    if (!(await findFaqEntry(services.database.db, params.id))) throw notFound('faq_entry', params.id);
    return { body: { items: await listFaqComments(services.database.db, params.id, query.limit) } };
  },
});

const mergeRoute = defineRoute({
  method: 'post',
  path: '/api/v1/faq/:id/merge',
  summary:
    'Merge entries asking the same question into this one: their comments move here and they are deleted; this entry keeps its wording, answer and status. ' +
    'Same product, topic and language only. Audited.',
  tag: 'faq',
  access: ['content_manager'],
  params: idParams,
  body: z.object({ from: z.array(z.uuid()).min(1).max(100).describe('The entries to merge into this one, 1 to 100; they are deleted') }).strict(),
  bodyExample: { from: [EXAMPLE_IDS.otherFaqEntry] },
  responses: {
    200: { description: 'The merged entry', schema: FaqEntryView, example: { ...faqEntryExample, count: 17 } },
    422: { description: 'invalid_from, faq_merge_self, faq_merge_mismatch (another product, topic or language)' },
    404: { description: 'faq_entry_not_found' },
  },
  handle: async ({ params, body, caller, services }) => ({ body: await mergeFaqEntries(services, caller!.keyId, params.id, [...new Set(body.from)]) }),
});

const splitRoute = defineRoute({
  method: 'post',
  path: '/api/v1/faq/:id/split',
  summary: 'Take some of an entry’s comments out into a new draft entry (same product, topic and language). Audited.',
  tag: 'faq',
  access: ['content_manager'],
  params: idParams,
  body: z.object({ commentIds: z.array(z.uuid()).min(1).max(500).describe('The comments to move to the new entry, 1 to 500; not all of them') }).strict(),
  bodyExample: { commentIds: [EXAMPLE_IDS.otherComment] },
  responses: {
    201: {
      description: 'The entry as it is now, and the new one',
      schema: z.object({ entry: FaqEntryView.describe('The entry split, without those comments'), created: FaqEntryView.describe('The new draft entry') }),
      example: {
        entry: { ...faqEntryExample, count: 13, examples: [faqEntryExample.examples[0]!] },
        created: {
          ...faqEntryExample,
          id: EXAMPLE_IDS.otherFaqEntry,
          question: 'will this shrink after washing??',
          answer: null,
          status: 'draft',
          count: 1,
          examples: [faqEntryExample.examples[1]!],
          publishedAt: null,
          createdAt: '2026-12-07T09:00:00.000Z',
          updatedAt: '2026-12-07T09:00:00.000Z',
          trend: { thisWeek: 1, lastWeek: 0 },
        },
      },
    },

    404: { description: 'faq_entry_not_found' },
    422: { description: 'invalid_comment_ids, comments_not_in_entry, split_takes_all' },
  },
  handle: async ({ params, body, caller, services }) => ({
    status: 201,
    body: await splitFaqEntry(services, caller!.keyId, params.id, [...new Set(body.commentIds)]),
  }),
});

export const faqRoutes = [listRoute, getRoute, patchRoute, commentsRoute, mergeRoute, splitRoute];
