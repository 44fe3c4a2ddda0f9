import { describe, expect, it } from 'vitest';
import { catalogImages } from '../../../engine/image/catalog/index.ts';

// An image is built on top of its base, so no step can be older than the steps below it; `docker history` would
// otherwise show a base "newer" than the image made from it.
describe('catalog history dates', () => {
  for (const image of catalogImages()) {
    it(`${image.repository}:${image.tags[0]}`, () => {
      const dates = image.config.history.map((h) => Date.parse(h.created));
      for (let i = 1; i < dates.length; i++) expect(dates[i], image.config.history[i]!.created_by).toBeGreaterThanOrEqual(dates[i - 1]!);
      expect(Date.parse(image.config.created)).toBe(dates.at(-1));
    });
  }
});
