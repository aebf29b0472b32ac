import { CHANNEL_PHRASES, termsInPlainWords, type PlainWordsInput, type ProposedTerms } from '../../../core/rights-requests/terms-in-plain-words';
import { CHANNELS } from '../../../core/vocabulary/channels';

const NBSP = '\u00a0';

/** 1 April 2027 00:00 in Warsaw: an exclusive end, so the last day of use is 31 March. */
const END_OF_MARCH_WARSAW = new Date('2027-03-31T22:00:00Z');

const terms: ProposedTerms = {
  territories: ['PL', 'DE'],
  excludedTerritories: [],
  channels: ['whitelisting', 'paid_social'],
  startsAt: new Date('2026-01-01T00:00:00Z'),
  endsAt: END_OF_MARCH_WARSAW,
  derivativesAllowed: true,
  disclosureRequired: true,
  disclosureLabel: 'REKLAMA',
  attributionRequired: true,
  exclusivity: null,
  fee: null,
};

const videos = (n: number) => Array.from({ length: n }, () => ({ kind: 'video' as const }));
const photos = (n: number) => Array.from({ length: n }, () => ({ kind: 'image' as const }));

/** The example request, with some fields of the input or of its terms changed. */
function words(over: Omit<Partial<PlainWordsInput>, 'terms'> & { terms?: Partial<ProposedTerms> } = {}, now?: Date) {
  const { terms: termsOver, ...rest } = over;
  const input: PlainWordsInput = {
    language: 'en',
    brand: 'Marka',
    creatorHandle: 'anna.makes',
    assets: videos(3),
    timeZone: 'Europe/Warsaw',
    ...rest,
    terms: { ...terms, ...termsOver },
  };
  return termsInPlainWords(input, now);
}

const first = (over: Parameters<typeof words>[0] = {}, now?: Date) => words(over, now).sentences[0];

describe('termsInPlainWords in English', () => {
  it('says the example request in plain words, one idea per line', () => {
    expect(words().text).toBe(
      [
        'Marka asks to use your content',
        'Your 3 videos may be used in paid ads on social media and as whitelisted ads from your account, in Poland and Germany, until 31 March 2027.',
        'The brand may cut, crop and caption them.',
        'Every ad is labelled REKLAMA.',
        'You are credited as @anna.makes.',
        'You may also license this content to other brands.',
        'No fee is offered.',
      ].join('\n'),
    );
  });

  it.each([
    [videos(1), 'Your video may'],
    [photos(1), 'Your photo may'],
    [videos(2), 'Your 2 videos may'],
    [videos(22), 'Your 22 videos may'],
    [[...photos(2), ...videos(3)], 'Your 3 videos and 2 photos may'],
    [[...videos(1), ...photos(2)], 'Your 1 video and 2 photos may'],
    ['future_posts' as const, 'Your future posts may'],
  ])('counts %j as "%s"', (assets, start) => {
    expect(first({ assets })).toMatch(new RegExp(`^${start} `));
  });

  it('says "it" for one asset and "them" for several', () => {
    expect(words({ assets: videos(1) }).sentences[1]).toBe('The brand may cut, crop and caption it.');
    expect(words({ assets: 'future_posts' }).sentences[1]).toBe('The brand may cut, crop and caption them.');
  });

  it('names worldwide with its exclusions, adding "the" where English needs it', () => {
    expect(first({ terms: { territories: ['WW'], excludedTerritories: ['DE', 'FR'] } })).toContain(', worldwide except Germany and France, ');
    expect(first({ terms: { territories: ['WW'] } })).toContain(', worldwide, ');
    expect(first({ terms: { territories: ['US', 'nl'] } })).toContain(', in the United States and the Netherlands, ');
  });

  it('says when there is no end date', () => {
    expect(first({ terms: { endsAt: null } })).toMatch(/, with no end date\.$/);
  });

  it('gives the time of an end that is not at midnight', () => {
    expect(first({ terms: { endsAt: new Date('2027-03-31T10:00:00Z') } })).toMatch(/, until 31 March 2027, 12:00 CEST\.$/);
  });

  it('names the start only when it is still ahead of `now`', () => {
    const startsAt = new Date('2026-04-30T22:00:00Z'); // 1 May, Warsaw
    expect(first({ terms: { startsAt } }, new Date('2026-04-01T00:00:00Z'))).toMatch(/, from 1 May 2026 until 31 March 2027\.$/);
    expect(first({ terms: { startsAt, endsAt: null } }, new Date('2026-04-01T00:00:00Z'))).toMatch(/, from 1 May 2026, with no end date\.$/);
    expect(first({ terms: { startsAt } }, new Date('2026-06-01T00:00:00Z'))).toMatch(/, until 31 March 2027\.$/);
    expect(first({ terms: { startsAt } })).toMatch(/, until 31 March 2027\.$/);
  });

  it('formats a euro fee in English', () => {
    expect(words({ terms: { fee: { amount: '1500.00', currency: 'EUR' } } }).sentences).toContain('The brand pays you €1,500.00.');
  });

  it('never rounds a fee with more decimals than the currency uses', () => {
    expect(words({ terms: { fee: { amount: '0.125', currency: 'EUR' } } }).sentences).toContain('The brand pays you €0.125.');
  });

  it('refuses a fee that is not a decimal', () => {
    expect(() => words({ terms: { fee: { amount: '1,500', currency: 'EUR' } } })).toThrow(expect.objectContaining({ code: 'invalid_fee' }));
  });

  it('says when edits, labels and credit are not part of the deal', () => {
    const { sentences } = words({ terms: { derivativesAllowed: false, disclosureRequired: false, attributionRequired: false } });
    expect(sentences.slice(1, 4)).toEqual([
      'The brand may not cut, crop or otherwise edit them.',
      'Ads need not be labelled as advertising.',
      'The brand need not credit you.',
    ]);
  });

  it('labels ads as advertising when disclosure is required without a label', () => {
    expect(words({ terms: { disclosureLabel: null } }).sentences).toContain('Every ad is labelled as advertising.');
    expect(words({ terms: { disclosureLabel: '#ad' } }).sentences).toContain('Every ad is labelled #ad.');
  });

  it('states exclusivity by category, for everyone, with or without an end', () => {
    const category = words({ terms: { exclusivity: { scope: 'category', category: 'cosmetics', until: '2027-06-30T22:00:00Z' } } });
    expect(category.sentences).toContain('You may not license this content to other brands in the category “cosmetics” until 30 June 2027.');
    expect(words({ terms: { exclusivity: { scope: 'all' } } }).sentences).toContain(
      'You may not license this content to anyone else while this agreement lasts.',
    );
  });
});

describe('termsInPlainWords in Polish', () => {
  const pl = (over: Parameters<typeof words>[0] = {}, now?: Date) => words({ language: 'pl', ...over }, now);

  it('says the example request in Polish', () => {
    expect(pl({ terms: { fee: { amount: '1500.00', currency: 'PLN' } } }).text).toBe(
      [
        'Marka prosi o zgodę na użycie Twoich materiałów',
        'Marka może wykorzystywać Twoje 3 filmy w płatnych reklamach w mediach społecznościowych i jako reklamy emitowane z Twojego konta (whitelisting), w krajach: Polska i Niemcy, do 31 marca 2027.',
        'Marka może je przycinać, kadrować i opatrywać napisami.',
        'Każda reklama jest oznaczona napisem REKLAMA.',
        'Przy każdym użyciu podawana jest Twoja nazwa: @anna.makes.',
        'Możesz udzielać licencji na te materiały także innym markom.',
        `Marka płaci Ci 1${NBSP}500,00${NBSP}zł.`,
      ].join('\n'),
    );
  });

  it.each([
    [videos(1), 'Twój film'],
    [videos(2), 'Twoje 2 filmy'],
    [videos(4), 'Twoje 4 filmy'],
    [videos(5), 'Twoje 5 filmów'],
    [videos(12), 'Twoje 12 filmów'],
    [videos(22), 'Twoje 22 filmy'],
    [photos(1), 'Twoje zdjęcie'],
    [photos(2), 'Twoje 2 zdjęcia'],
    [photos(5), 'Twoje 5 zdjęć'],
    [photos(22), 'Twoje 22 zdjęcia'],
    [[...videos(1), ...photos(2)], 'Twoje materiały (1 film i 2 zdjęcia)'],
    [[...photos(5), ...videos(22)], 'Twoje materiały (22 filmy i 5 zdjęć)'],
    ['future_posts' as const, 'Twoje przyszłe posty'],
  ])('counts %j as "%s"', (assets, content) => {
    expect(first({ language: 'pl', assets })).toMatch(new RegExp(`^Marka może wykorzystywać ${content.replace(/[()]/g, '\\$&')} w `));
  });

  it('puts "them" in the case Polish needs: go/je after "może", go/ich after "nie może"', () => {
    expect(pl({ assets: videos(1) }).sentences[1]).toBe('Marka może go przycinać, kadrować i opatrywać napisami.');
    expect(pl({ assets: photos(1) }).sentences[1]).toBe('Marka może je przycinać, kadrować i opatrywać napisami.');
    expect(pl({ assets: photos(1), terms: { derivativesAllowed: false } }).sentences[1]).toBe(
      'Marka nie może go przycinać, kadrować ani w inny sposób zmieniać.',
    );
    expect(pl({ terms: { derivativesAllowed: false } }).sentences[1]).toBe('Marka nie może ich przycinać, kadrować ani w inny sposób zmieniać.');
  });

  it('names countries in Polish, worldwide with exclusions, one or several', () => {
    expect(first({ language: 'pl', terms: { territories: ['WW'], excludedTerritories: ['DE', 'FR'] } })).toContain(
      ', na całym świecie z wyjątkiem krajów: Niemcy i Francja, ',
    );
    expect(first({ language: 'pl', terms: { territories: ['WW'], excludedTerritories: ['DE'] } })).toContain(', na całym świecie z wyjątkiem kraju: Niemcy, ');
    expect(first({ language: 'pl', terms: { territories: ['PL'] } })).toContain(', w kraju: Polska, ');
  });

  it('says when there is no end date, and names a future start', () => {
    expect(first({ language: 'pl', terms: { endsAt: null } })).toMatch(/, bez terminu końcowego\.$/);
    const later = pl({ terms: { startsAt: new Date('2026-04-30T22:00:00Z') } }, new Date('2026-04-01T00:00:00Z'));
    expect(later.sentences[0]).toMatch(/, od 1 maja 2026 do 31 marca 2027\.$/);
  });

  it('says the disclosure label and its absence', () => {
    expect(pl({ terms: { disclosureLabel: null } }).sentences).toContain('Każda reklama jest oznaczona jako reklama.');
    expect(pl({ terms: { disclosureRequired: false } }).sentences).toContain('Reklamy nie muszą być oznaczone jako reklama.');
  });

  it('states exclusivity by category', () => {
    const { sentences } = pl({ terms: { exclusivity: { scope: 'category', category: 'kosmetyki', until: '2027-06-30T22:00:00Z' } } });
    expect(sentences).toContain('Nie możesz udzielać licencji na te materiały innym markom z kategorii „kosmetyki” do 30 czerwca 2027.');
  });

  it('formats a złoty fee and says when there is none', () => {
    expect(pl({ terms: { fee: { amount: '12500', currency: 'PLN' } } }).sentences).toContain(`Marka płaci Ci 12${NBSP}500,00${NBSP}zł.`);
    expect(pl().sentences).toContain('Marka nie proponuje wynagrodzenia.');
  });
});

describe('termsInPlainWords, whatever the language', () => {
  it('gives the same text for the same input, and text is title and sentences by line', () => {
    const a = words({ language: 'pl' });
    const b = words({ language: 'pl' });
    expect(a).toEqual(b);
    expect(a.text).toBe([a.title, ...a.sentences].join('\n'));
    expect(a.text.split('\n')).toHaveLength(1 + a.sentences.length);
  });

  it('keeps stored names to one visible line, without characters that reorder text', () => {
    const { title, sentences } = words({ brand: 'Mar\u202eka\nCo', creatorHandle: '@anna\u2066.makes', terms: { disclosureLabel: 'RE\u200fKLAMA' } });
    expect(title).toBe('Marka Co asks to use your content');
    expect(sentences).toContain('You are credited as @anna.makes.');
    expect(sentences).toContain('Every ad is labelled REKLAMA.');
  });

  it('has a phrase for every channel in both languages, each its own', () => {
    for (const language of ['pl', 'en'] as const) {
      const phrases = CHANNELS.map((channel) => CHANNEL_PHRASES[channel][language]);
      expect(phrases.every((p) => p.trim().length > 0)).toBe(true);
      expect(new Set(phrases).size).toBe(CHANNELS.length);
    }
  });

  it.each(CHANNELS)('says %s in both languages when it is granted', (channel) => {
    expect(first({ terms: { channels: [channel] } })).toContain(` ${CHANNEL_PHRASES[channel].en}, `);
    expect(first({ language: 'pl', terms: { channels: [channel] } })).toContain(` ${CHANNEL_PHRASES[channel].pl}, `);
  });

  it('lists channels in vocabulary order whatever order they came in', () => {
    const reversed = first({ terms: { channels: ['email', 'product_page', 'paid_social'] } });
    expect(reversed).toContain("in paid ads on social media, on the brand's product pages and in e-mail newsletters,");
  });
});
