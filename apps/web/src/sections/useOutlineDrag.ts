import type { SectionPlace } from '@accord/model/sectionPosition';
import { type DragEvent, useState } from 'react';

const TYPE = 'application/x-accord-section';

/** Where a dragged section would land: before or after the section under the pointer. */
export interface DropMark {
  id: string;
  side: 'before' | 'after';
}

/**
 * Drag and drop of outline items (HTML drag and drop: mouse and pen; touch and keyboard use the
 * move buttons). `move` is called once, on the drop, with the place under the pointer.
 */
export function useOutlineDrag(move: (sectionId: string, place: SectionPlace) => void) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [mark, setMark] = useState<DropMark | null>(null);
  const sideOf = (event: DragEvent<HTMLElement>): 'before' | 'after' => {
    const rect = event.currentTarget.getBoundingClientRect();
    return event.clientY < rect.top + rect.height / 2 ? 'before' : 'after';
  };
  const itemProps = (id: string) => ({
    draggable: true,
    onDragStart: (event: DragEvent<HTMLElement>) => {
      event.dataTransfer.setData(TYPE, id);
      event.dataTransfer.effectAllowed = 'move';
      setDragging(id);
    },
    onDragEnd: () => {
      setDragging(null);
      setMark(null);
    },
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (!event.dataTransfer.types.includes(TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      const side = sideOf(event);
      if (mark?.id !== id || mark.side !== side) setMark({ id, side });
    },
    onDrop: (event: DragEvent<HTMLElement>) => {
      const moved = event.dataTransfer.getData(TYPE);
      event.preventDefault();
      setMark(null);
      setDragging(null);
      if (!moved || moved === id) return;
      move(moved, sideOf(event) === 'before' ? { before: id } : { after: id });
    },
  });
  return { dragging, mark, itemProps };
}
