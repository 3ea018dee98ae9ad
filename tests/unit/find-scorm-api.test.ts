import { describe, expect, it } from 'vitest';
import { findScormApi, type WindowLike } from '../../src/lib/scorm/find-api';

const api = () => ({ LMSInitialize: () => 'true', LMSGetValue: () => '', LMSSetValue: () => 'true' });

/** A chain of frames: the last one is the top window (its own parent, as in a browser). */
function frames(depth: number): WindowLike[] {
  const chain: WindowLike[] = [];
  for (let i = 0; i < depth; i++) chain.push({});
  chain.forEach((w, i) => (w.parent = chain[i + 1] ?? w));
  return chain;
}

describe('findScormApi (SCORM 1.2: parents first, then the opener)', () => {
  it('finds the API on the window itself and on a parent a few frames up', () => {
    const [self, , top] = frames(3);
    const platform = api();
    top!.API = platform;
    expect(findScormApi(self!)).toBe(platform);
    self!.API = api();
    expect(findScormApi(self!)).toBe(self!.API);
  });

  it('looks at the opener and its parents when no parent has it', () => {
    const [self] = frames(2);
    const [opener, openerTop] = frames(2);
    const platform = api();
    openerTop!.API = platform;
    self!.opener = opener;
    expect(findScormApi(self!)).toBe(platform);
  });

  it('gives up after seven parents, and without any API says so', () => {
    const chain = frames(10);
    chain[9]!.API = api();
    expect(findScormApi(chain[0]!)).toBeNull();
    expect(findScormApi(chain[1]!)).toBeNull();
    expect(findScormApi(chain[2]!)).toBe(chain[9]!.API);
    expect(findScormApi(frames(1)[0]!)).toBeNull();
  });

  it('ignores something called API that is not a SCORM 1.2 API, and frames it may not read', () => {
    const [self, top] = frames(2);
    top!.API = { Initialize: () => 'true' };
    expect(findScormApi(self!)).toBeNull();
    const guarded = Object.defineProperty({} as WindowLike, 'API', {
      get() {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    });
    guarded.parent = guarded;
    self!.parent = guarded;
    expect(findScormApi(self!)).toBeNull();
  });
});
