import type { CommentClassifier } from '../../../core/nlp/comment-classification';
import { COMMENT_SENTIMENTS, COMMENT_TOPICS } from '../../../core/vocabulary/comment-labels';
import { loadCommentClassifier } from '../../../core/nlp/load-comment-classifier';

// The shipped models (models/nlp), on comments written for this test: none is a seed example.
let classifier: CommentClassifier;
beforeAll(() => {
  classifier = loadCommentClassifier();
});

const classify = (text: string) => classifier.classify({ text });

describe('language', () => {
  it.each([
    ['Czy te spodnie są dostępne w rozmiarze 34', 'pl'],
    ['czy te spodnie sa dostepne w rozmiarze 34', 'pl'],
    ['Buty rozwaliły się po dwóch tygodniach', 'pl'],
    ['buty rozwalily sie po dwoch tygodniach', 'pl'],
    ['does this jacket run large', 'en'],
    ['The zipper broke after two days', 'en'],
    ['Wie viel kostet der Versand nach Berlin?', 'other'],
    ['Qué bonito vestido, lo quiero', 'other'],
    ['Очень красивое платье', 'other'],
    ['😍😍🔥', 'other'],
  ])('%s → %s', (text, lang) => {
    expect(classify(text).lang).toBe(lang);
  });

  it('takes the caller’s language instead of detecting one', () => {
    expect(classifier.classify({ text: 'super', lang: 'en' }).lang).toBe('en');
  });
});

describe('sentiment', () => {
  it.each([
    ['Świetna jakość, polecam każdemu!', 'positive'],
    ['swietna jakosc, polecam kazdemu', 'positive'],
    ['Absolutely love it, great quality', 'positive'],
    ['Nie polecam, materiał jest okropny', 'negative'],
    ['The zipper broke after two days', 'negative'],
    ['not good, the fabric is scratchy', 'negative'],
    ['Kolor piękny, ale rozmiar za duży i materiał się mechaci', 'mixed'],
  ])('%s → %s', (text, sentiment) => {
    expect(classify(text).sentiment).toBe(sentiment);
  });

  // Three sentences or more: the review heads and the stacker read the sentences, opening and closing.
  it.each([
    [
      'Hotel ma świetną lokalizację, blisko plaży. Obsługa była bardzo miła i pomocna. Niestety pokój był brudny, a śniadania zimne i bez wyboru. Parking drogi i ciasny.',
      'mixed',
    ],
    ['Kurtka przyszła szybko. Materiał jest gruby i ciepły. Szwy porządne, zamek chodzi gładko. Rozmiar idealny, polecam każdemu!', 'positive'],
    ['Zamówienie szło dwa tygodnie. Buty po tygodniu się rozkleiły. Kontakt ze sklepem żaden, nikt nie odpisuje. Nie polecam.', 'negative'],
  ])('a long Polish review: %s → %s', (text, sentiment) => {
    const result = classify(text);
    expect(result.sentiment).toBe(sentiment);
    expect(Object.values(result.sentimentScores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  });

  it('reads negation: "nie polecam" is not "polecam"', () => {
    expect(classify('polecam ten sklep').sentiment).toBe('positive');
    expect(classify('nie polecam tego sklepu').sentiment).toBe('negative');
  });
});

describe('questions', () => {
  it.each([
    'Czy ta kurtka jest wodoodporna?',
    'czy ta kurtka jest wodoodporna',
    'ile kosztuje wysylka do Szwecji',
    'jaki material ma ta bluzka',
    'kiedy wroci czerwony kolor',
    'does this jacket run large',
    'how much does shipping to Spain cost',
    'is it dishwasher safe',
  ])('%s is a question', (text) => {
    expect(classify(text).isQuestion).toBe(true);
  });

  it.each(['Buty rozwaliły się po dwóch tygodniach', 'paczka doszla bardzo szybko dziekuje', 'the sole fell off after a week', 'Love the colour'])(
    '%s is not',
    (text) => {
      expect(classify(text).isQuestion).toBe(false);
    },
  );
});

describe('topics', () => {
  it.each([
    ['czy te spodnie sa dostepne w rozmiarze 34', 'availability'],
    ['ile kosztuje wysyłka do Szwecji', 'shipping'],
    ['jaki material ma ta bluzka', 'material'],
    ['czy etui pasuje do pixela 7', 'compatibility'],
    ['jak dlugo czeka sie na zwrot pieniedzy', 'returns'],
    ['czy ten krem mozna stosowac na noc', 'usage'],
    ['Buty rozwaliły się po dwóch tygodniach', 'quality'],
    ['za ile ta torebka', 'price'],
    ['jaki rozmiar wziac przy 172 cm wzrostu', 'size_fit'],
    ['what is the return policy', 'returns'],
    ['is the bag real leather', 'material'],
    ['will it work with my galaxy s22', 'compatibility'],
    ['when will the white ones be restocked', 'availability'],
    ['how much is shipping to Spain', 'shipping'],
    ['is it dishwasher safe', 'usage'],
    ['what song is playing in the background', 'other'],
  ])('%s → %s', (text, topic) => {
    expect(classify(text).topic).toBe(topic);
  });
});

describe('spam and substance', () => {
  it.each([
    'Obserwujcie mój profil, codziennie rozdaję nagrody 🎁 link w bio',
    'Zarabiaj w internecie 1000 zł tygodniowo, szczegóły na priv',
    'Subscribe to my channel for daily giveaways!!!',
    'cheap followers at www.best-followers.net',
  ])('%s is spam', (text) => {
    expect(classify(text).spam).toBe(true);
  });

  it.each(['Czy ta kurtka jest wodoodporna', 'The zipper broke after two days', 'cudne 😍😍😍'])('%s is not spam', (text) => {
    expect(classify(text).spam).toBe(false);
  });

  it.each(['cudne 😍😍😍', '🔥🔥', 'gorgeous ❤️', 'wow!!!'])('%s is generic', (text) => {
    expect(classify(text).substantive).toBe(false);
  });

  it.each(['rozmiar za maly', 'The zipper broke after two days', 'czy jest w kolorze czarnym'])('%s is substantive', (text) => {
    expect(classify(text).substantive).toBe(true);
  });
});

describe('the result', () => {
  it('has every head, probabilities in [0, 1] summing to 1, and the model version', () => {
    const result = classify('Czy ta koszulka nie kurczy się po praniu? 😕');
    expect(Object.keys(result.sentimentScores)).toEqual([...COMMENT_SENTIMENTS]);
    expect(Object.keys(result.topicScores)).toEqual([...COMMENT_TOPICS]);
    for (const scores of [result.sentimentScores, result.topicScores]) {
      const values = Object.values(scores);
      for (const p of values) expect(p).toBeGreaterThanOrEqual(0);
      expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    }
    for (const p of [result.questionScore, result.spamScore, result.substantiveScore]) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(result.isQuestion).toBe(result.questionScore >= 0.5);
    expect(result.modelVersion).toMatch(/^comments-1-[0-9a-f]{12}$/);
    expect(result.modelVersion).toBe(classifier.modelVersion);
  });

  it('copes with empty, huge and odd input', () => {
    expect(classify('').lang).toBe('other');
    expect(classify('!!!???').lang).toBe('other');
    const long = 'bardzo dobry produkt polecam '.repeat(5000);
    expect(classify(long).sentiment).toBe('positive');
    expect(classify('\u0000\u0001\uE000 \uD83D').topic).toBeDefined();
  });
});
