import { attachmentDisposition } from '../../../core/storage';

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact name in filename*', () => {
    expect(attachmentDisposition('Résumé "final" (1)\'s.mp4')).toBe(
      `attachment; filename="R_sum_ _final_ (1)'s.mp4"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22%20%281%29%27s.mp4`,
    );
  });

  it('keeps the header well-formed whatever the name holds', () => {
    const header = attachmentDisposition('a\r\nSet-Cookie: x=1\\.txt');
    expect(header).toBe(`attachment; filename="a__Set-Cookie: x=1_.txt"; filename*=UTF-8''a%0D%0ASet-Cookie%3A%20x%3D1%5C.txt`);
  });
});
