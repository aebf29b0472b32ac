import { aspectTopic, isAboutTheVideo } from '../../../core/nlp/training/topic-keywords';

describe('aspectTopic (weak topic labels for review and comment sentences)', () => {
  it.each([
    ['Przesyłka doszła szybko, dobrze zapakowana.', 'shipping'],
    ['Przesylka doszla szybko', 'shipping'],
    ['arrived crushed', 'shipping'],
    ['Za duże o jeden rozmiar', 'size_fit'],
    ['rozmiarze M', 'size_fit'],
    ['teraz cena 69 zł to kpina', 'price'],
    ['Zamek z plastiku', 'material'],
    ['is this made of cotton', 'material'],
    ['Będzie jeszcze dostępny w czerwonym kolorze', 'availability'],
    ['Instrukcja tylko po angielsku', 'usage'],
    ['Sprzedawca nie odpowiada na reklamację', 'returns'],
    ['Działa z iPhone 15', 'compatibility'],
  ])('%s → %s', (text, topic) => {
    expect(aspectTopic(text)).toBe(topic);
  });

  it('calls a sentence that judges the product without naming an aspect quality', () => {
    expect(aspectTopic('Polecam!')).toBe('quality');
    expect(aspectTopic('Rozpadł się po tygodniu')).toBe('quality');
    expect(aspectTopic('It broke after a week')).toBe('quality');
  });

  it('settles the pairs LABELS.md settles, and leaves other pairs and plain sentences out', () => {
    expect(aspectTopic('ile kosztuje wysyłka do Szwecji')).toBe('shipping');
    expect(aspectTopic('zwrot pieniędzy trwał miesiąc')).toBe('returns');
    expect(aspectTopic('does it fit my 2017 tacoma')).toBe('compatibility');
    expect(aspectTopic('Materiał cienki, a cena wysoka')).toBeUndefined();
    expect(aspectTopic('Nawet podajnik lekko stuningowałem.')).toBeUndefined();
  });

  it('matches Polish stems at a word start and English words whole', () => {
    // "źle" folds to "zle": not the currency "zł"; "stało" is not "stal" (steel); "user" is not "use".
    expect(aspectTopic('Jest źle')).toBeUndefined();
    expect(aspectTopic('stało się')).toBeUndefined();
    expect(aspectTopic('the user said hello')).toBeUndefined();
  });

  it('knows a comment about the video from one about the product', () => {
    expect(isAboutTheVideo('great video, subscribed')).toBe(true);
    expect(isAboutTheVideo('the battery lasts two days')).toBe(false);
  });
});
