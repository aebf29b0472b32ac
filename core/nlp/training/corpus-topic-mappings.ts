import type { CommentTopic } from '../../vocabulary/comment-labels';

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
 * semiPQA attribute types (Amazon product questions, ~190 types), read against LABELS.md: fit,
 * dimensions and the item's weight → size_fit; what it is made of, its composition and what is
 * in the box → material; which variants exist (colour, scent, language, format) → availability;
 * what it works with → compatibility; its features and functions, what it can do (display,
 * lens, storage, battery life, water resistance…) → usage; who makes or wrote it → other.
 * Types that could be several topics (heel, band, bulb, team…) are left out.
 */
const SEMIPQA_ATTRIBUTE_TOPICS: Record<CommentTopic, string[]> = {
  size_fit: [
    'size',
    'fit_type',
    'item_dimensions',
    'item_package_dimensions',
    'ring',
    'rise',
    'sleeve',
    'shaft',
    'leg',
    'floor_length',
    'folded_size',
    'item_diameter',
    'bridge',
    'bottom_style',
    'occupancy',
    'capacity',
    'seat',
    'item_weight',
    'item_package_weight',
    'minimum_weight_recommendation',
    'size_per_pearl',
    'item_volume',
    'hose_length',
    'stone',
    'pile_height',
    'rim',
  ],
  material: [
    'material',
    'fabric_type',
    'metal_type',
    'outer',
    'inner',
    'cover',
    'sole_material',
    'clasp_type',
    'bowl',
    'top',
    'blade',
    'back',
    'gem_type',
    'opacity',
    'thread',
    'insulation',
    'recycled_content_percentage',
    'allergen_information',
    'ingredients',
    'nutritional_info',
    'caffeine_content',
    'total_metal_weight',
    'included_components',
    'software_included',
    'total_eaches',
    'number_of_sets',
    'finish_type',
    'screen_surface_description',
  ],
  compatibility: [
    'compatible_mountings',
    'compatible_phone_models',
    'compatible_devices',
    'compatible_with_vehicle_type',
    'operating_system',
    'system_requirements',
    'platform',
    'wireless_provider',
    'hardware_interface',
    'connector_type',
    'connectivity_technology',
    'compatible_material',
    'lifestyle',
    'supported_application',
    'supported_standards',
    'wireless_comm_standard',
    'current_rating',
    'voltage',
  ],
  usage: [
    'recommended_uses_for_product',
    'skill_level',
    'hair_type',
    'skin_type',
    'sunlight_exposure',
    'moisture_needs',
    'room_type',
    'sport_type',
    'target_species',
    'occasion_type',
    'installation_type',
    'mounting_type',
    'control_method',
    'power_source_type',
    'reusability',
    'age_range_description',
    'display',
    'lens',
    'digital_storage_capacity',
    'water_resistance_depth',
    'water_resistance_level',
    'zoom_type',
    'keyboard_description',
    'resolution_maximum',
    'resolution',
    'ram_memory',
    'computer_memory',
    'flash_memory',
    'cache_memory',
    'hard_disk',
    'microphone_form_factor',
    'phone_talk_time',
    'phone_standby_time',
    'number_of_rounds',
    'light_source',
    'data_transfer_rate',
    'runtime',
    'number_of_keys',
    'upper_temperature_rating',
    'focus_type',
    'movement_detection_technology',
    'total_ethernet_ports',
    'graphics_coprocessor',
    'viewfinder_type',
    'number_of_players',
    'brightness',
    'has_self_timer',
    'audio_output_mode',
    'included_security_features',
    'number_of_channels',
    'video_capture_format',
    'processor_count',
    'is_foldable',
    'fan_count',
    'number_of_ports',
    'load_capacity',
    'weight_capacity',
  ],
  quality: ['is_stain_resistant'],
  shipping: [],
  price: [],
  availability: ['color', 'scent', 'language', 'format'],
  returns: [],
  other: ['brand', 'contributor'],
};

const SEMIPQA_TOPIC_OF = new Map<string, CommentTopic>(
  (Object.entries(SEMIPQA_ATTRIBUTE_TOPICS) as Array<[CommentTopic, string[]]>).flatMap(([topic, attributes]) =>
    attributes.map((a): [string, CommentTopic] => [a, topic]),
  ),
);

/**
 * "does this come in pink?", "can I get this in 3 GB RAM?", "is 15 a variety it comes in?": a
 * question whether a variant exists is availability (LABELS.md), whatever attribute it names.
 */
const ASKS_FOR_A_VARIANT = /\b(?:comes? in|can i get (?:this|it|these|them|one) in|variety|available in|other colou?rs?)\b/i;

/** The topic of a question about exactly one mapped attribute type, or asking for a variant; otherwise undefined. */
export function semiPqaTopic(attributes: readonly string[] | undefined, text = ''): CommentTopic | undefined {
  if (ASKS_FOR_A_VARIANT.test(text)) return 'availability';
  const topics = new Set((attributes ?? []).map((a) => SEMIPQA_TOPIC_OF.get(a)));
  if (topics.size !== 1 || topics.has(undefined)) return undefined;
  return [...topics][0];
}
