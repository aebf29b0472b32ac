import { MAX_REVIEW_SENTENCES, reviewSegments, splitSentences } from '../../../core/nlp/review-segments';

describe('splitSentences', () => {
  it('splits at sentence marks and line breaks, dropping pieces without letters', () => {
    expect(splitSentences('Super buty! Czy są w 42?\nPolecam… 10/10 . :)')).toEqual(['Super buty!', 'Czy są w 42?', 'Polecam…']);
    expect(splitSentences('Hotel ok . Obsługa miła .')).toEqual(['Hotel ok .', 'Obsługa miła .']);
    expect(splitSentences('😍😍 !!!')).toEqual([]);
  });
});

describe('reviewSegments', () => {
  it('leaves comments of one or two sentences to the whole-text head', () => {
    expect(reviewSegments('Świetna jakość, polecam!')).toBeUndefined();
    expect(reviewSegments('Kolor piękny. Rozmiar za duży.')).toBeUndefined();
  });

  it('gives a longer text its sentences, the first two as the opening and the last three as the closing', () => {
    const text = 'Jeden. Dwa. Trzy. Cztery. Pięć.';
    expect(reviewSegments(text)).toEqual({
      sentences: ['Jeden.', 'Dwa.', 'Trzy.', 'Cztery.', 'Pięć.'],
      opening: 'Jeden. Dwa.',
      closing: 'Trzy. Cztery. Pięć.',
    });
    expect(reviewSegments('Jeden. Dwa. Trzy.')?.closing).toBe('Jeden. Dwa. Trzy.');
  });

  it('scores at most MAX_REVIEW_SENTENCES sentences of a very long text, but closes on its real end', () => {
    const text = Array.from({ length: 100 }, (_, i) => `Zdanie numer ${i + 1}.`).join(' ');
    const segments = reviewSegments(text)!;
    expect(segments.sentences).toHaveLength(MAX_REVIEW_SENTENCES);
    expect(segments.sentences[0]).toBe('Zdanie numer 1.');
    expect(segments.closing).toBe('Zdanie numer 98. Zdanie numer 99. Zdanie numer 100.');
  });
});
