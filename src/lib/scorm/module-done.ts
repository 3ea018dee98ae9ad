/** The "I have done this module" ticks of a lesson (ModuleDone.astro), kept in its suspend data. */
import { whenLessonApi, readSuspendData, writeSuspendData } from './lesson-api';

const modulesOf = (data: Record<string, unknown>) => (Array.isArray(data.modules) ? (data.modules as string[]) : []);

export function startModuleTicks(): void {
  const boxes = [...document.querySelectorAll<HTMLElement>('[data-module-done]')];
  if (boxes.length === 0) return;
  whenLessonApi((api) => {
    for (const box of boxes) {
      const id = box.dataset.moduleDone ?? '';
      const input = box.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
      // Without a learner nothing can be kept: the tick stays off and says why.
      box.querySelector<HTMLElement>('[data-login-hint]')!.hidden = api !== null;
      if (!api) continue;
      input.checked = modulesOf(readSuspendData(api)).includes(id);
      input.disabled = false;
      input.addEventListener('change', () => {
        const modules = new Set(modulesOf(readSuspendData(api)));
        if (input.checked) modules.add(id);
        else modules.delete(id);
        writeSuspendData(api, 'modules', [...modules]);
      });
    }
  });
}
