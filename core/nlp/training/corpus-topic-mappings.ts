import type { CommentTopic } from '../../db/schema/comment-labels';

/**
 * No public corpus labels comments with our ten FAQ topics; two label neighbouring things and
 * are mapped here. What does not map cleanly is left out rather than forced into a topic.
 *
 * Bitext customer-support intents (27 intents in 11 categories):
 * - DELIVERY, SHIPPING_ADDRESS and order tracking ask where, when and how a parcel comes → shipping;
 * - REFUND and cancelling are about sending back and getting money back → returns;
 * - PAYMENT, INVOICE and cancellation fees ask how and what one pays → price;
 * - CONTACT (customer service, a human agent) and FEEDBACK (complaints, reviews of the
 *   service) → returns, which LABELS.md gives customer service, complaints and disputes;
 * - ACCOUNT and NEWSLETTER are about the shop's site, not the product → other;
 * - change_order / place_order (editing and placing an order) fit none well and are left out.
 */
const BITEXT_INTENT_TOPICS: Record<string, CommentTopic> = {
  delivery_options: 'shipping',
  delivery_period: 'shipping',
  track_order: 'shipping',
  change_shipping_address: 'shipping',
  set_up_shipping_address: 'shipping',
  get_refund: 'returns',
  track_refund: 'returns',
  check_refund_policy: 'returns',
  cancel_order: 'returns',
  check_cancellation_fee: 'price',
  check_payment_methods: 'price',
  payment_issue: 'price',
  check_invoice: 'price',
  get_invoice: 'price',
  create_account: 'other',
  delete_account: 'other',
  edit_account: 'other',
  recover_password: 'other',
  registration_problems: 'other',
  switch_account: 'other',
  newsletter_subscription: 'other',
  contact_customer_service: 'returns',
  contact_human_agent: 'returns',
  complaint: 'returns',
  review: 'returns',
};

export const bitextTopic = (intent: string | undefined): CommentTopic | undefined => (intent ? BITEXT_INTENT_TOPICS[intent] : undefined);

/**
 * semiPQA attribute types (Amazon product questions, ~190 types): the ones that are plainly
 * about fit and dimensions, what a thing is made of, what it works with, or how and by whom
 * it is used. Technical specifications (weight, display, lens, storage, brand…) are not one
 * of our topics and are left out.
 */
const SEMIPQA_ATTRIBUTE_TOPICS: Record<CommentTopic, string[]> = {
  size_fit: [
    'size', 'fit_type', 'item_dimensions', 'item_package_dimensions', 'ring', 'rise', 'sleeve', 'shaft', 'leg',
    'floor_length', 'folded_size', 'item_diameter', 'bridge', 'bottom_style', 'occupancy', 'capacity', 'seat',
  ],
  material: [
    'material', 'fabric_type', 'metal_type', 'outer', 'inner', 'cover', 'sole_material', 'clasp_type', 'bowl', 'top',
    'blade', 'back', 'gem_type', 'opacity', 'thread', 'insulation', 'recycled_content_percentage', 'allergen_information',
  ],
  compatibility: [
    'compatible_mountings', 'compatible_phone_models', 'compatible_devices', 'compatible_with_vehicle_type',
    'operating_system', 'system_requirements', 'platform', 'wireless_provider', 'hardware_interface', 'connector_type',
    'connectivity_technology', 'compatible_material', 'lifestyle', 'supported_application', 'supported_standards',
  ],
  usage: [
    'recommended_uses_for_product', 'skill_level', 'hair_type', 'skin_type', 'sunlight_exposure', 'moisture_needs',
    'room_type', 'sport_type', 'target_species', 'occasion_type', 'installation_type', 'mounting_type', 'control_method',
    'power_source_type', 'reusability', 'age_range_description',
  ],
  quality: ['is_stain_resistant', 'water_resistance_level'],
  shipping: [],
  price: [],
  availability: [],
  returns: [],
  other: [],
};

const SEMIPQA_TOPIC_OF = new Map<string, CommentTopic>(
  (Object.entries(SEMIPQA_ATTRIBUTE_TOPICS) as Array<[CommentTopic, string[]]>).flatMap(([topic, attributes]) =>
    attributes.map((a): [string, CommentTopic] => [a, topic]),
  ),
);

/** The topic of a question about exactly one mapped attribute type; several or none → undefined. */
export function semiPqaTopic(attributes: readonly string[] | undefined): CommentTopic | undefined {
  const topics = new Set((attributes ?? []).map((a) => SEMIPQA_TOPIC_OF.get(a)));
  if (topics.size !== 1 || topics.has(undefined)) return undefined;
  return [...topics][0];
}
