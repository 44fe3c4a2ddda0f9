import { describe, expect, it } from 'vitest';
import {
  CENTRE_MIN_WIDTH,
  DEFAULT_LAYOUT,
  MIN_SIZE,
  TERMINAL_MIN_HEIGHT,
  parseStored,
  rangeOf,
  resize,
  setCollapsed,
  sizeOf,
} from '../../../src/layout/sizes.ts';

/** A 1280x720 window less the header, padding and gutters. */
const PROJECTOR = { width: 1248, height: 640 };

describe('panel sizes', () => {
  it('draws the defaults as they are on a 1280x720 projector, leaving the terminal most of the centre', () => {
    expect(sizeOf(DEFAULT_LAYOUT, 'lesson', PROJECTOR)).toBe(224);
    expect(sizeOf(DEFAULT_LAYOUT, 'pictures', PROJECTOR)).toBe(336);
    expect(sizeOf(DEFAULT_LAYOUT, 'editor', PROJECTOR)).toBe(240);
    expect(PROJECTOR.width - 224 - 336).toBeGreaterThan(600);
  });

  it('keeps the centre column and the terminal usable however large the stored sizes are', () => {
    const greedy = { ...DEFAULT_LAYOUT, sizes: { lesson: 9000, pictures: 9000, editor: 9000 } };
    const lesson = sizeOf(greedy, 'lesson', PROJECTOR);
    const pictures = sizeOf(greedy, 'pictures', PROJECTOR);
    expect(PROJECTOR.width - lesson - pictures).toBeGreaterThanOrEqual(CENTRE_MIN_WIDTH);
    expect(lesson).toBeGreaterThanOrEqual(MIN_SIZE.lesson);
    expect(PROJECTOR.height - sizeOf(greedy, 'editor', PROJECTOR)).toBe(TERMINAL_MIN_HEIGHT);
  });

  it('draws a collapsed panel at 0 and gives its room to the others', () => {
    const state = setCollapsed(DEFAULT_LAYOUT, 'pictures', true);
    expect(sizeOf(state, 'pictures', PROJECTOR)).toBe(0);
    expect(rangeOf(state, 'lesson', PROJECTOR).max).toBe(480);
    expect(setCollapsed(state, 'pictures', false).sizes.pictures).toBe(336);
  });

  it('draws only the terminal when it is maximised, and restores the rest after', () => {
    const max = { ...DEFAULT_LAYOUT, terminalMaximised: true };
    for (const p of ['lesson', 'pictures', 'editor'] as const) expect(sizeOf(max, p, PROJECTOR)).toBe(0);
    expect(sizeOf({ ...max, terminalMaximised: false }, 'editor', PROJECTOR)).toBe(240);
  });

  it('resizes within the range and reopens a collapsed panel', () => {
    const collapsed = setCollapsed(DEFAULT_LAYOUT, 'lesson', true);
    const wider = resize(collapsed, 'lesson', 300.4, PROJECTOR);
    expect(wider.sizes.lesson).toBe(300);
    expect(wider.collapsed.lesson).toBe(false);
    expect(resize(DEFAULT_LAYOUT, 'lesson', 10, PROJECTOR).sizes.lesson).toBe(MIN_SIZE.lesson);
    expect(resize(DEFAULT_LAYOUT, 'editor', 5000, PROJECTOR).sizes.editor).toBe(PROJECTOR.height - TERMINAL_MIN_HEIGHT);
  });
});

describe('the stored layout', () => {
  it('reads back what was stored', () => {
    const state = setCollapsed(resize(DEFAULT_LAYOUT, 'pictures', 400, PROJECTOR), 'editor', true);
    expect(parseStored(JSON.stringify(state))).toEqual(state);
  });

  it('ignores what is missing, corrupt or absurd, field by field', () => {
    expect(parseStored(null)).toEqual(DEFAULT_LAYOUT);
    expect(parseStored('{not json')).toEqual(DEFAULT_LAYOUT);
    expect(parseStored('42')).toEqual(DEFAULT_LAYOUT);
    const parsed = parseStored(
      JSON.stringify({ sizes: { lesson: 'wide', pictures: -5, editor: 300 }, collapsed: { lesson: 1, pictures: true }, terminalMaximised: 'yes' }),
    );
    expect(parsed).toEqual({
      sizes: { lesson: 224, pictures: 336, editor: 300 },
      collapsed: { lesson: false, pictures: true, editor: false },
      terminalMaximised: false,
    });
    expect(parseStored('{"sizes":{"editor":1e308}}').sizes.editor).toBe(240);
  });
});
