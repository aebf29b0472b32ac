import { relations } from 'drizzle-orm';
import { apiKeys } from './api-keys';
import { assetProducts, assets } from './assets';
import { commentCorrections, comments } from './comments';
import { creators } from './creators';
import { faqEntries } from './faq-entries';
import { licenseAssets, licenseNotifications, licenses } from './licenses';
import { renditions } from './renditions';
import { usages } from './usages';
import { webhookDeliveries, webhookDeliveryAttempts, webhooks } from './webhooks';

/** How tables join, for relational queries: `db.query.assets.findFirst({ with: { renditions: true } })`. */
export const creatorsRelations = relations(creators, ({ many }) => ({
  assets: many(assets),
  licenses: many(licenses),
}));

export const assetsRelations = relations(assets, ({ one, many }) => ({
  creator: one(creators, { fields: [assets.creatorId], references: [creators.id] }),
  products: many(assetProducts),
  renditions: many(renditions),
  licenseAssets: many(licenseAssets),
  usages: many(usages),
  comments: many(comments),
}));

export const assetProductsRelations = relations(assetProducts, ({ one }) => ({
  asset: one(assets, { fields: [assetProducts.assetId], references: [assets.id] }),
}));

export const renditionsRelations = relations(renditions, ({ one }) => ({
  asset: one(assets, { fields: [renditions.assetId], references: [assets.id] }),
}));

export const licensesRelations = relations(licenses, ({ one, many }) => ({
  creator: one(creators, { fields: [licenses.creatorId], references: [creators.id] }),
  licenseAssets: many(licenseAssets),
  notifications: many(licenseNotifications),
  usages: many(usages),
}));

export const licenseAssetsRelations = relations(licenseAssets, ({ one }) => ({
  license: one(licenses, { fields: [licenseAssets.licenseId], references: [licenses.id] }),
  asset: one(assets, { fields: [licenseAssets.assetId], references: [assets.id] }),
}));

export const licenseNotificationsRelations = relations(licenseNotifications, ({ one }) => ({
  license: one(licenses, { fields: [licenseNotifications.licenseId], references: [licenses.id] }),
}));

export const usagesRelations = relations(usages, ({ one }) => ({
  apiKey: one(apiKeys, { fields: [usages.apiKeyId], references: [apiKeys.id] }),
  asset: one(assets, { fields: [usages.assetId], references: [assets.id] }),
  rendition: one(renditions, { fields: [usages.renditionId], references: [renditions.id] }),
  license: one(licenses, { fields: [usages.licenseId], references: [licenses.id] }),
}));

export const commentsRelations = relations(comments, ({ one, many }) => ({
  asset: one(assets, { fields: [comments.assetId], references: [assets.id] }),
  faqEntry: one(faqEntries, { fields: [comments.faqEntryId], references: [faqEntries.id] }),
  corrections: many(commentCorrections),
}));

export const commentCorrectionsRelations = relations(commentCorrections, ({ one }) => ({
  comment: one(comments, { fields: [commentCorrections.commentId], references: [comments.id] }),
}));

export const faqEntriesRelations = relations(faqEntries, ({ many }) => ({
  comments: many(comments),
}));

export const webhooksRelations = relations(webhooks, ({ many }) => ({
  deliveries: many(webhookDeliveries),
}));

export const webhookDeliveriesRelations = relations(webhookDeliveries, ({ one, many }) => ({
  webhook: one(webhooks, { fields: [webhookDeliveries.webhookId], references: [webhooks.id] }),
  attempts: many(webhookDeliveryAttempts),
}));

export const webhookDeliveryAttemptsRelations = relations(webhookDeliveryAttempts, ({ one }) => ({
  delivery: one(webhookDeliveries, { fields: [webhookDeliveryAttempts.deliveryId], references: [webhookDeliveries.id] }),
}));
