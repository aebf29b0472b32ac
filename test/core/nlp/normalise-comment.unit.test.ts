import { foldDiacritics } from '../../../core/nlp/diacritics';
import { markNegation } from '../../../core/nlp/negation-scope';
import { normaliseComment } from '../../../core/nlp/normalise-comment';

describe('normaliseComment', () => {
  it('treats Polish with and without diacritics alike', () => {
    const withMarks = normaliseComment('Zamówienie doszło, rozmiar za mały, żółć gęślą jaźń');
    const without = normaliseComment('Zamowienie doszlo, rozmiar za maly, zolc gesla jazn');
    expect(withMarks.tokens).toEqual(without.tokens);
    expect(withMarks.charText).toBe(without.charText);
    expect(withMarks.tokens).toContain('zamowienie');
    expect(withMarks.signals.polishLetters).toBe(true);
    expect(without.signals.polishLetters).toBe(false);
  });

  it('folds ł, which has no Unicode decomposition, and other Latin accents', () => {
    expect(foldDiacritics('Łódź, ŁÓDŹ, Müller, garçon')).toBe('Lodz, LODZ, Muller, garcon');
  });

  it('squeezes elongated letters and repeated marks', () => {
    const comment = normaliseComment('Suuuuper!!!!! sooo gooood ???');
    expect(comment.tokens).toEqual(['suuper', '!', 'soo', 'good', '?']);
    expect(comment.signals.elongated).toBe(true);
    expect(comment.signals.exclamations).toBe(5);
    expect(normaliseComment('suuuuuper').tokens).toEqual(normaliseComment('suuper').tokens);
  });

  it('masks links, e-mail addresses and @mentions', () => {
    const comment = normaliseComment('@kasia_k check https://t.co/xYz and bit.ly/free or www.spam.pl, mail me: a.b@gmail.com');
    expect(comment.tokens).toEqual(['<user>', 'check', '<url>', 'and', '<url>', 'or', '<url>', ',', 'mail', 'me', ':', '<email>']);
    expect(comment.signals).toMatchObject({ urls: 4, mentions: 1 });
    expect(comment.charText).not.toMatch(/http|bit|spam|gmail|kasia/);
  });

  it('keeps emoji and emoticons as tokens with their group, whatever the skin tone', () => {
    const comment = normaliseComment('piękne ❤️😍 👍🏽 :( xD');
    expect(comment.tokens).toEqual(['piekne', '❤', '😍', '👍', ':(', 'xd']);
    expect(comment.emojiGroups).toEqual(['love', 'love', 'approval', 'sad', 'joy']);
    expect(normaliseComment('👍🏿').tokens).toEqual(normaliseComment('👍').tokens);
    expect(normaliseComment('😍😍').signals).toMatchObject({ emoji: 2, letters: 0 });
  });

  it("turns n't into not, digits into 0, and notices shouting and other scripts", () => {
    expect(normaliseComment("I don't like it, size 44").tokens).toEqual(['i', 'do', 'not', 'like', 'it', ',', 'size', '00']);
    expect(normaliseComment('BEST PURCHASE EVER').signals.shouting).toBe(true);
    expect(normaliseComment('Привет, как дела').signals.nonLatinScript).toBe(true);
    expect(normaliseComment('Cześć, jak się masz').signals.nonLatinScript).toBe(false);
  });
});

describe('markNegation', () => {
  const marked = (text: string): string[] => markNegation(normaliseComment(text).tokens);

  it('marks the words after a Polish or English negation up to the next punctuation', () => {
    expect(marked('nie polecam tego sklepu, super')).toEqual(['nie', 'neg:polecam', 'neg:tego', 'neg:sklepu', ',', 'super']);
    expect(marked('not good at all')).toEqual(['not', 'neg:good', 'neg:at', 'neg:all']);
    expect(marked("doesn't fit")).toEqual(['does', 'not', 'neg:fit']);
  });

  it('ends the scope at "but"/"ale" and after three words', () => {
    expect(marked('nie jest zle ale drogie')).toEqual(['nie', 'neg:jest', 'neg:zle', 'ale', 'drogie']);
    expect(marked('never buying from this shop again')).toEqual(['never', 'neg:buying', 'neg:from', 'neg:this', 'shop', 'again']);
  });

  it('works without diacritics (żadnego → zadnego)', () => {
    expect(marked('żadnego efektu')).toEqual(['zadnego', 'neg:efektu']);
  });
});
