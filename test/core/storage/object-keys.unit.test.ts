import { contractKey, cutKey, generatedContractKey, originalKey, renditionKey } from '../../../core/storage/object-keys';

/** The bucket's layout is relied on by deployments (lifecycle rules, backups by prefix): it changes only on purpose. */
test('every kind of object has its place under its asset or license', () => {
  const asset = '0f8fad5b-d9cb-469f-a165-70867728950e';
  expect(originalKey(asset)).toBe(`assets/${asset}/original`);
  expect(renditionKey(asset, 'crop-9x16-900.webp')).toBe(`assets/${asset}/renditions/crop-9x16-900.webp`);
  expect(cutKey(asset, 'abc123', 'mp4')).toBe(`assets/${asset}/cuts/abc123.mp4`);
  expect(cutKey(asset, 'abc123', 'webp')).toBe(`assets/${asset}/cuts/abc123.webp`);
  expect(contractKey('7c9e6679-7425-40de-944b-e07fc1f90ae7')).toBe('licenses/7c9e6679-7425-40de-944b-e07fc1f90ae7/contract.pdf');
  expect(generatedContractKey('7c9e6679-7425-40de-944b-e07fc1f90ae7', asset)).toBe(`licenses/7c9e6679-7425-40de-944b-e07fc1f90ae7/contracts/${asset}.pdf`);
});
