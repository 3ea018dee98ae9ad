/**
 * Svelte action for the big screen: the largest font size between `min` and `max` (px) at which
 * the element's scroll box shows everything without scrolling. Below `min` it stays at `min`
 * (then the box scrolls): readable from the back of the room matters more than fitting.
 */
export function fitText(node: HTMLElement, { box, min, max }: { box: () => HTMLElement | null; min: number; max: number }) {
  function fits(size: number, scroller: HTMLElement): boolean {
    node.style.fontSize = `${size}px`;
    return scroller.scrollHeight <= scroller.clientHeight + 1;
  }
  function fit() {
    const scroller = box();
    if (!scroller) return;
    let low = min;
    let high = max;
    if (fits(high, scroller)) return;
    // Whole pixels are enough; about six layouts.
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (fits(mid, scroller)) low = mid;
      else high = mid;
    }
    node.style.fontSize = `${low}px`;
  }
  const observer = new ResizeObserver(() => fit());
  observer.observe(document.documentElement);
  fit();
  return { destroy: () => observer.disconnect() };
}
