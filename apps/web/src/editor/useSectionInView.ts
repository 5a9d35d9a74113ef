import { useEffect, useState } from 'react';
import { sectionAnchor } from '../routing/sectionAnchor';

/**
 * The section nearest the top of the viewport, for the outline's highlight. Watched with an
 * IntersectionObserver on a band under the sticky header rather than on every scroll event.
 */
export function useSectionInView(sectionIds: string[]): string | null {
  const [current, setCurrent] = useState<string | null>(sectionIds[0] ?? null);
  const key = sectionIds.join('\n');
  useEffect(() => {
    const visible = new Map<string, number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.sectionId;
          if (!id) continue;
          if (entry.isIntersecting) visible.set(id, entry.boundingClientRect.top);
          else visible.delete(id);
        }
        const first = sectionIds.find((id) => visible.has(id));
        if (first) setCurrent(first);
      },
      // A band from just below the header to 60% down the screen.
      { rootMargin: '-90px 0px -40% 0px' },
    );
    for (const id of sectionIds) {
      const element = document.getElementById(sectionAnchor(id));
      if (element) observer.observe(element);
    }
    return () => observer.disconnect();
    // `key` stands for `sectionIds`, whose array identity changes on every render.
  }, [key]);
  return current;
}
