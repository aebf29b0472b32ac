/**
 * Ids the examples in /api/openapi.json share, so that one example's license covers another
 * example's asset, as in a real library. Any UUID would do; these just look like real ones.
 */
export const EXAMPLE_IDS = {
  asset: '3f6c2a9e-8b1d-4c57-9a0e-2d4b7c1e5f80',
  otherAsset: '41f7b9d2-0c6e-4a3b-9f85-e2d7a1c4b6f9',
  creator: '9b2e4d71-5c3a-4f08-b6e2-71a9d0c4e8f3',
  license: 'c1d8a4f2-6e97-4b3d-8a15-0f2e9c7b4d61',
  cut: '5e7f1a3c-2d9b-4e68-9c40-b8a1f6d2e3c7',
  rendition: '0b9d3e6f-1a4c-4f72-8e3b-c5a7d2f9e041',
  rightsRequest: '7a4c9e1b-3f62-4d85-a0b7-e5c2d8f1a946',
  comment: '2c8e5b7d-9a14-4f3e-8d62-1b7a4c9e0f35',
  otherComment: 'f0a3d6c9-5e8b-4c21-a7f4-9b2e6d1c8a35',
  faqEntry: 'e4b19c6a-7d2f-4a83-b5e1-9c0d3f8a2b74',
  otherFaqEntry: '1d6b8f2a-3c5e-4d79-9a0b-7e4c2f8d5a13',
  apiKey: '8d3f6a2c-1e5b-4c97-a4d0-6f2b9e1c7a58',
  webhook: '6f1a8c3e-4b7d-4e92-8a5c-3d0e7b2f9c16',
  delivery: 'd7c4a1e9-6b2f-4d58-b3a0-8e5f2c9d1a67',
  usage: 'a9e2c7f4-8b3d-4f61-9e0a-5c1b7d4f2e83',
  takedown: 'b5d0e8a3-2f7c-4b16-8e9d-4a6c1f3b7e52',
  audit: '4e8a2d6c-9f1b-4a35-b7c0-3e5d9a1f6b28',
} as const;

/** A probe job's public id (queue.id) and a cursor as a newest-first list returns it. */
export const EXAMPLE_JOB_ID = 'media.1287';
export const EXAMPLE_PAGE_CURSOR = 'WyIxNzk2NjM0MDAwMDAwMDAwIiwiM2Y2YzJhOWUtOGIxZC00YzU3LTlhMGUtMmQ0YjdjMWU1ZjgwIl0';
