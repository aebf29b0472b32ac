import { bitextTopic, semiPqaTopic } from '../../../core/nlp/training/corpus-topic-mappings';

describe('semiPqaTopic (Amazon product questions mapped to FAQ topics per LABELS.md)', () => {
  it.each([
    [['item_weight'], 'how much does this weigh?', 'size_fit'],
    [['ingredients'], 'what are the components of this wallet?', 'material'],
    [['display'], 'what kind of display does the camera have?', 'usage'],
    [['water_resistance_depth'], 'how deep is the watch water resistance?', 'usage'],
    [['wireless_comm_standard'], 'how do you connect to the tablet?', 'compatibility'],
    [['color'], 'what character will i get?', 'availability'],
    [['brand'], 'who is this by?', 'other'],
  ])('%j "%s" → %s', (attributes, text, topic) => {
    expect(semiPqaTopic(attributes, text)).toBe(topic);
  });

  it('calls a question whether a variant exists availability, whatever attribute it names', () => {
    expect(semiPqaTopic(['ram_memory'], 'can i get this in 3gb ram tablet?')).toBe('availability');
    expect(semiPqaTopic(['band'], 'does this watch come in a variety of colors?')).toBe('availability');
    expect(semiPqaTopic(undefined, 'does this come in pink?')).toBe('availability');
  });

  it('leaves out attributes that could be several topics, and questions about two topics', () => {
    expect(semiPqaTopic(['heel'], 'are these high heels?')).toBeUndefined();
    expect(semiPqaTopic(['item_weight', 'display'], 'is the display heavy?')).toBeUndefined();
    expect(semiPqaTopic([], 'what is this?')).toBeUndefined();
  });
});

describe('bitextTopic', () => {
  it('maps customer-support intents and leaves the unclear ones out', () => {
    expect(bitextTopic('track_order')).toBe('shipping');
    expect(bitextTopic('complaint')).toBe('returns');
    expect(bitextTopic('place_order')).toBeUndefined();
    expect(bitextTopic(undefined)).toBeUndefined();
  });
});
