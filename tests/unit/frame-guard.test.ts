// The player answers SCORM calls only from the package's own frame: a message from any other window
// never reaches scorm-again's CrossFrameLMS (the real one, listening with origin '*').
import { afterEach, describe, expect, it } from 'vitest';
import { guardFrameMessages } from '../../src/lib/scorm/frame-guard';

type Posted = { messageId: string; result?: unknown };
const fakeWindow = () => {
  const posted: Posted[] = [];
  return { posted, postMessage: (msg: Posted) => posted.push(msg) };
};

// dispatchEvent is synchronous, so whether the LMS acted is known when it returns.
const send = (target: EventTarget, source: unknown, value: string) => {
  const event = Object.assign(new Event('message'), {
    origin: 'null',
    source,
    data: { messageId: `m-${value}`, method: 'LMSSetValue', params: ['cmi.suspend_data', value] },
  });
  target.dispatchEvent(event);
};

describe('guardFrameMessages', () => {
  const g = globalThis as { window?: unknown };
  const before = g.window;
  afterEach(() => {
    g.window = before;
  });

  it('lets the package frame through and stops every other window', async () => {
    const target = new EventTarget();
    g.window = target;
    const stored: string[] = [];
    const api = { LMSSetValue: (_key: string, value: string) => (stored.push(value), 'true') };
    const frame = fakeWindow();
    const stranger = fakeWindow();

    const unguard = guardFrameMessages(target, () => frame);
    const { CrossFrameLMS } = await import('scorm-again/cross-frame-lms');
    const lms = new CrossFrameLMS(api as never, '*');

    send(target, stranger, 'fra en annen side');
    send(target, null, 'uten avsender');
    send(target, frame, 'fra pakken');
    expect(stored).toEqual(['fra pakken']);
    expect(stranger.posted).toEqual([]);
    expect(frame.posted).toEqual([{ messageId: 'm-fra pakken', result: 'true' }]);

    lms.destroy();
    unguard();
  });
});
