/**
 * The player's CrossFrameLMS must listen with origin '*' (a sandboxed frame's origin is "null",
 * which cannot be pinned), so on its own it would serve a SCORM call from any window that can post
 * to ours: another tab we opened, a popup, a frame of some other page. This guard lets only the
 * package's own frame through: a message whose `source` is not that frame's window is stopped
 * before any later listener (scorm-again's) sees it.
 *
 * Install it before the CrossFrameLMS, so it runs first on the same target.
 */
export function guardFrameMessages(target: EventTarget, packageWindow: () => unknown): () => void {
  const guard = (event: Event) => {
    const source = (event as MessageEvent).source;
    if (source === null || source !== packageWindow()) event.stopImmediatePropagation();
  };
  target.addEventListener('message', guard, { capture: true });
  return () => target.removeEventListener('message', guard, { capture: true });
}
