import { z } from 'zod';
import { activeClassifier } from '../../core/comments/active-classifier';
import { recordCorrection } from '../../core/comments/comment-corrections';
import { findComment, listComments } from '../../core/comments/comment-store';
import { MAX_TEXT_CHARS } from '../../core/comments/import/import-row';
import { importCommentList, type ImportReport } from '../../core/comments/import/run-import';
import { CommentView } from '../../core/contract/comment-replies';
import { pageOf } from '../../core/contract/page';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../../core/vocabulary/comment-labels';
import { DomainError, notFound, unprocessable } from '../../core/errors/domain-error';
import { updateFaqEntries } from '../../core/faq/faq-assignment';
import { eraseCommenter } from '../../core/privacy/erase-commenter';
import { decodePageCursor } from '../../core/paging/page-cursor';
import { defineRoute } from '../http/route';
import { validate } from '../http/validate';
import { receiveCommentImport } from '../upload/comment-import-upload';
import { idParams, pageQuery, productSku } from '../http/request-schemas';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';
import { classificationExample, commentExample, pageExample } from '../../core/contract/reply-examples';

const WRITERS = ['content_manager'] as const;
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const EFFECTIVE = 'effective: a correction wins over the model';

/** Values for rows that lack them: in the query string, or as form fields before the file. */
const ImportDefaultsInput = z.object({
  platform: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_.-]{0,31}$/, 'up to 32 letters, digits, ".", "_" or "-"')
    .optional()
    .meta({ description: 'The platform of rows that name none, e.g. tiktok (up to 32 letters, digits, ".", "_" or "-")', example: 'tiktok' }),
  productSku: productSku().optional().meta({ description: 'The product of rows that name none (its SKU)', example: 'SKU-SHIRT-LINEN-01' }),
  assetId: z.uuid().optional().meta({ description: 'The asset of rows that name none: the post they were left under', example: EXAMPLE_IDS.asset }),
});

const Rejected = z.object({
  line: z.number().int().nullable().describe('The line of the file (1 is the first; null for a JSON body)'),
  row: z.number().int().describe('The row’s position among the rows, from 1'),
  code: z.string().describe('Why, as a code, e.g. missing_text or invalid_posted_at'),
  message: z.string().describe('Why, in words'),
});
const ImportReportBody = z.object({
  jobId: z.string().nullable().describe('The classification job (GET /api/v1/jobs/:id); null when nothing new was stored, or when classification was deferred'),
  classification: z
    .enum(['queued', 'none', 'deferred'])
    .describe(
      'queued: follow jobId; none: nothing new to classify; deferred: the queue was unreachable, the comments are stored and classified once it is back',
    ),
  format: z.enum(['json', 'ndjson', 'csv']).describe('How the import was read'),
  rows: z.number().int().describe('Rows read'),
  accepted: z.number().int().describe('New comments stored'),
  duplicates: z.number().int().describe('Rows whose (platform, externalId) was already stored; left unchanged'),
  rejectedCount: z.number().int().describe('Rows refused'),
  rejected: z.array(Rejected).describe('The first 100 refused rows with their line (null for a JSON body) and reason'),
});

const Scores = z.record(z.string(), z.number().describe('Probability, 0 to 1'));
const Classification = z.object({
  lang: z.enum(['pl', 'en', 'other']).describe('The language detected'),
  sentiment: z.enum(COMMENT_SENTIMENTS).describe('The sentiment chosen'),
  sentimentScores: Scores.describe('Probability of each sentiment, 0 to 1'),
  isQuestion: z.boolean().describe('Whether it reads as a question'),
  questionScore: z.number().describe('Probability that it is a question, 0 to 1'),
  topic: z.enum(COMMENT_TOPICS).describe('The topic chosen'),
  topicScores: Scores.describe('Probability of each topic, 0 to 1'),
  spam: z.boolean().describe('Whether it reads as spam'),
  spamScore: z.number().describe('Probability that it is spam, 0 to 1'),
  substantive: z.boolean().describe('Whether it says something about the product (not just an emoji or a tag)'),
  substantiveScore: z.number().describe('Probability that it is substantive, 0 to 1'),
  modelVersion: z.string().describe('The models that classified it'),
});

const importRoute = defineRoute({
  method: 'post',
  path: '/api/v1/comments/import',
  summary:
    'Import comments: a JSON array body, or a file (JSON array, NDJSON or CSV) as multipart field "file" or as a text/csv or application/x-ndjson body. ' +
    'Rows { platform, externalId, text, author?, postedAt?, assetId?, productSku? } (platform export names such as id, message, created_time are understood); ' +
    'platform, productSku and assetId in the query (or form fields before the file) apply to rows without them. Bad rows are reported, good ones kept; ' +
    're-importing never duplicates. The new comments are classified in background jobs.',
  tag: 'comments',
  access: WRITERS,
  query: ImportDefaultsInput,
  responses: {
    202: {
      description: 'Stored; classification queued',
      schema: ImportReportBody,
      example: {
        jobId: 'nlp.5521',
        classification: 'queued',
        format: 'csv',
        rows: 120,
        accepted: 112,
        duplicates: 6,
        rejectedCount: 2,
        rejected: [
          { line: 14, row: 13, code: 'missing_text', message: 'text is missing' },
          { line: 88, row: 87, code: 'invalid_posted_at', message: 'postedAt: not an ISO 8601 time' },
        ],
      },
    },
    400: { description: 'invalid_platform, invalid_product_sku, invalid_asset_id (defaults), invalid_multipart, unexpected_file_field…' },
    413: { description: 'file_too_large: over UPLOAD_LIMIT_MB (rows before the limit are kept)' },
    415: { description: 'unsupported_content_type, unsupported_import_format (not JSON, NDJSON or CSV text)' },
    422: { description: 'missing_file, empty_import, expected_array, no_valid_rows (details.rejected lists why)' },
  },
  handle: async ({ query, services, req, res }) => {
    const report = Array.isArray(req.body)
      ? await importCommentList(services, req.body as unknown[], { defaults: query })
      : req.is('application/json')
        ? expectedArray()
        : await receiveCommentImport(req, res, services, query, (fields) => validate(ImportDefaultsInput, fields, 'invalid'));
    if (report.accepted + report.duplicates === 0) throw noValidRows(report);
    return { status: 202, body: report };
  },
});

const expectedArray = (): never => {
  throw unprocessable('expected_array', 'A JSON body must be an array of comments');
};

function noValidRows(report: ImportReport): DomainError {
  const message = report.rows === 0 ? 'The file has no rows' : `None of the ${report.rows} rows could be imported; see details.rejected`;
  return unprocessable(report.rows === 0 ? 'empty_import' : 'no_valid_rows', message, { rejectedCount: report.rejectedCount, rejected: report.rejected });
}

const classifyRoute = defineRoute({
  method: 'post',
  path: '/api/v1/comments/classify',
  summary: 'Classify texts on the spot with the models in use (nothing is stored): the same objects as npm run nlp:classify',
  tag: 'comments',
  access: 'authenticated',
  body: z.object({
    texts: z.array(z.string().min(1).max(MAX_TEXT_CHARS)).min(1).max(100).describe(`The texts to classify: 1 to 100, each 1 to ${MAX_TEXT_CHARS} characters`),
  }),
  bodyExample: { texts: ['Does it shrink in the wash?', 'Piękna koszula, polecam!'] },
  responses: {
    200: {
      description: 'One result per text, in order',
      schema: z.object({ items: z.array(Classification).describe('One per text, in the order given') }),
      example: {
        items: [
          classificationExample,
          {
            lang: 'pl',
            sentiment: 'positive',
            sentimentScores: { negative: 0.01, neutral: 0.04, positive: 0.93, mixed: 0.02 },
            isQuestion: false,
            questionScore: 0.02,
            topic: 'quality',
            topicScores: { quality: 0.64, material: 0.18, other: 0.18 },
            spam: false,
            spamScore: 0.03,
            substantive: true,
            substantiveScore: 0.88,
            modelVersion: 'nlp-2026-11-30',
          },
        ],
      },
    },
    422: { description: 'invalid_texts' },
  },
  handle: async ({ body, services }) => {
    const classifier = await activeClassifier(services.config);
    return { body: { items: body.texts.map((text) => classifier.classify({ text })) } };
  },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/comments',
  summary: 'Comments, newest imported first, filtered on their effective labels (a correction wins over the model), with cursor pagination',
  tag: 'comments',
  access: 'authenticated',
  query: z.object({
    productSku: productSku().optional().meta({ description: 'Only comments about this product (its SKU)', example: 'SKU-SHIRT-LINEN-01' }),
    assetId: z.uuid().optional().meta({ description: 'Only comments left under this asset', example: EXAMPLE_IDS.asset }),
    topic: z
      .enum(COMMENT_TOPICS)
      .optional()
      .meta({ description: `Only comments on this topic (${EFFECTIVE})`, example: 'material' }),
    sentiment: z
      .enum(COMMENT_SENTIMENTS)
      .optional()
      .meta({ description: `Only comments of this sentiment (${EFFECTIVE})`, example: 'negative' }),
    isQuestion: flag.optional().meta({ description: `true: only questions; false: only the rest (${EFFECTIVE})`, example: 'true' }),
    spam: flag.optional().meta({ description: `true: only spam; false: no spam (${EFFECTIVE})`, example: 'false' }),
    ...pageQuery({ max: 200, default: 50 }, 'opaque'),
  }),
  responses: {
    200: { description: 'A page of comments', schema: pageOf(CommentView), example: pageExample(commentExample) },
    400: { description: 'invalid_topic, invalid_sentiment, invalid_is_question, invalid_cursor…' },
  },
  handle: async ({ query, services }) => {
    const { limit, cursor, ...filter } = query;
    const page = await listComments(services.database.db, filter, limit, cursor === undefined ? undefined : decodePageCursor(cursor));
    return { body: { items: page.items, nextCursor: page.nextCursor } };
  },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/comments/:id',
  summary: 'One comment: effective labels, the model’s labels and people’s corrections',
  tag: 'comments',
  access: 'authenticated',
  params: idParams,
  responses: { 200: { description: 'The comment', schema: CommentView, example: commentExample }, 404: { description: 'comment_not_found' } },
  handle: async ({ params, services }) => {
    const comment = await findComment(services.database.db, params.id);
    if (!comment) throw notFound('comment', params.id);
    return { body: comment };
  },
});

const correctRoute = defineRoute({
  method: 'patch',
  path: '/api/v1/comments/:id',
  summary: 'Correct labels: stored as a correction apart from the model’s output (audited), used by retraining; the FAQ follows at once',
  tag: 'comments',
  access: WRITERS,
  params: idParams,
  body: z
    .object({
      topic: z.enum(COMMENT_TOPICS).optional().describe('The right topic'),
      sentiment: z.enum(COMMENT_SENTIMENTS).optional().describe('The right sentiment'),
      isQuestion: z.boolean().optional().describe('Whether it is a question'),
      spam: z.boolean().optional().describe('Whether it is spam'),
    })
    .strict(),
  bodyExample: { topic: 'size_fit', isQuestion: true },
  responses: {
    200: {
      description: 'The comment with the correction applied',
      schema: CommentView,
      example: { ...commentExample, topic: 'size_fit', correction: { topic: 'size_fit', isQuestion: true } },
    },
    404: { description: 'comment_not_found' },
    422: { description: 'empty_correction, invalid_topic, invalid_sentiment…' },
  },
  handle: async ({ params, body, caller, services }) => {
    const { db } = services.database;
    await recordCorrection(db, caller!.keyId, params.id, body);
    await updateFaqEntries(db, [params.id]);
    return { body: (await findComment(db, params.id))! };
  },
});

const retrainRoute = defineRoute({
  method: 'post',
  path: '/api/v1/comments/retrain',
  summary:
    'Queue a retrain: new models from the training data plus every correction, used by every process once trained; then re-classify every stored comment (unless `reclassify: false`), with before/after figures in the job result',
  tag: 'comments',
  access: WRITERS,
  body: z.object({
    reclassify: z.boolean().default(true).describe('Classify every stored comment again with the new models (corrections stay); false keeps their labels'),
    rowsPerCorpus: z
      .number()
      .int()
      .min(100)
      .max(1_000_000)
      .optional()
      .describe('Train on a seeded sample of each corpus: seconds instead of minutes, a little less accurate'),
  }),
  bodyExample: { reclassify: true, rowsPerCorpus: 20000 },
  responses: {
    202: {
      description: 'Queued',
      schema: z.object({ jobId: z.string().describe('The retraining job (GET /api/v1/jobs/{id}); its result holds the before/after figures') }),
      example: { jobId: 'nlp.5530' },
    },
  },
  handle: async ({ body, services }) => {
    const payload = {
      type: 'retrain' as const,
      reclassify: body.reclassify,
      ...(body.rowsPerCorpus === undefined ? {} : { rowsPerCorpus: body.rowsPerCorpus }),
    };
    // One attempt: a failed training says why, and running it again is a person's decision.
    return { status: 202, body: { jobId: await services.queues.add('nlp', payload, { attempts: 1 }) } };
  },
});

const eraseRoute = defineRoute({
  method: 'post',
  path: '/api/v1/comments/erase',
  summary:
    'Erase a commenter (RODO/GDPR): every comment by that author on that platform (compared as platforms compare handles), ' +
    'after taking them out of every FAQ entry (counts and examples follow). Cannot be undone.',
  tag: 'comments',
  access: WRITERS,
  body: z.object({
    platform: z.string().trim().toLowerCase().min(1).max(32).describe('The commenter’s platform, e.g. tiktok'),
    author: z.string().trim().min(1).max(200).describe('The commenter’s handle, with or without the @, any case'),
  }),
  bodyExample: { platform: 'tiktok', author: '@kasia_k' },
  responses: {
    200: {
      description: 'How many comments were erased',
      schema: z.object({ erased: z.number().int().describe('Comments erased') }),
      example: { erased: 3 },
    },
    422: { description: 'invalid_platform, invalid_author' },
  },
  handle: async ({ body, caller, services }) => ({ body: await eraseCommenter(services.database.db, caller!.keyId, body.platform, body.author) }),
});

export const commentRoutes = [importRoute, classifyRoute, retrainRoute, listRoute, getRoute, correctRoute, eraseRoute];
