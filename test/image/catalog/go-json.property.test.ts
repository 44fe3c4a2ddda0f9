import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goJson, goJsonSliced } from '../../../engine/image/catalog/go-json.ts';
import { fuzzParameters } from '../../property.ts';

describe('goJsonSliced', () => {
  it('writes the same bytes as goJson, whatever the data and however it is split', async () => {
    // Wide containers (over the split size), members that JSON leaves out, and characters Go escapes.
    const leaf = fc.oneof(fc.string({ unit: fc.constantFrom('a', '<', '>', '&', '\u2028', '"', '\\', '\n', '😀') }), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 40 }), fc.dictionary(fc.string(), tie('tree'), { maxKeys: 40 })),
    }));
    await fc.assert(
      fc.asyncProperty(tree.filter((v) => typeof v === 'object' && v !== null), async (value) => {
        const json = await goJsonSliced(value, () => Promise.resolve(), 10);
        expect(json).toBe(goJson(value));
      }),
      fuzzParameters(300),
    );
  });

  it('hands the page a turn within a config of 100,000 history lines', async () => {
    const config = { history: Array.from({ length: 100_000 }, (_, i) => ({ created_by: `LABEL l${i}=x` })) };
    let turns = 0;
    const json = await goJsonSliced(config, () => Promise.resolve(void turns++), 100_000);
    expect(json).toBe(goJson(config));
    expect(turns).toBeGreaterThan(20);
  });
});
