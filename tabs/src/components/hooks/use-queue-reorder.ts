// Host reordering of the queue: move up / down (keyboard), drag and drop, and remove. Entries
// only move within their kind; indexes are positions in the whole queue, as `move` expects.
import type { Said } from '../../i18n/translator.js';
import { sectionOf, type ParticipantView } from '@roundtable/core';
import type { DragEvent } from 'react';
import { useState } from 'react';
import type { MeetingController } from '../../meeting/controller.js';
import { usePendingFocus } from './use-pending-focus.js';
import type { PendingFocus } from './use-pending-focus.js';
import { useSend } from './use-send.js';

type Queue = ParticipantView['queue'];

/** Where one step up (-1) or down (+1) lands, or null at the edge of the entry's kind. */
export function stepTarget(queue: Queue, index: number, step: -1 | 1): number | null {
  const entry = queue[index];
  if (entry === undefined) return null;
  const { start, end } = sectionOf(queue, entry.kind);
  const target = index + step;
  return target >= start && target < end ? target : null;
}

export interface DragHandlers {
  readonly draggable: true;
  onDragStart(event: DragEvent): void;
  onDragOver(event: DragEvent): void;
  onDragLeave(): void;
  onDrop(event: DragEvent): void;
  onDragEnd(): void;
}

export interface QueueReorder {
  readonly busyKey: string | null;
  readonly message: Said | null;
  readonly dropTargetId: string | null;
  readonly focus: PendingFocus;
  move(entryId: string, toIndex: number, focusKey: string): Promise<void>;
  remove(entryId: string): Promise<void>;
  dragHandlers(index: number): DragHandlers;
}

export function useQueueReorder(
  view: ParticipantView,
  controller: MeetingController,
): QueueReorder {
  const sender = useSend(controller);
  const focus = usePendingFocus();
  const [draggedId, setDraggedId] = useState<string | null>(null);
  const [dropTargetId, setDropTargetId] = useState<string | null>(null);
  const { queue } = view;

  async function move(entryId: string, toIndex: number, focusKey: string) {
    // Reordering may re-create the row; bring focus back to the same control either way.
    if (await sender.send({ type: 'move', entryId, toIndex }, entryId)) {
      focus.focusWhenReady(focusKey);
    }
  }

  async function remove(entryId: string) {
    if (await sender.send({ type: 'remove', entryId }, entryId)) focus.focusWhenReady('heading');
  }

  function canDropOn(index: number): boolean {
    const dragged = queue.find((entry) => entry.entryId === draggedId);
    return dragged !== undefined && queue[index]?.kind === dragged.kind;
  }

  function endDrag() {
    setDraggedId(null);
    setDropTargetId(null);
  }

  return {
    busyKey: sender.busyKey,
    message: sender.message,
    dropTargetId,
    focus,
    move,
    remove,
    dragHandlers: (index) => ({
      draggable: true,
      onDragStart: (event) => {
        const entryId = queue[index]?.entryId ?? null;
        setDraggedId(entryId);
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', entryId ?? '');
      },
      onDragOver: (event) => {
        if (!canDropOn(index)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setDropTargetId(queue[index]?.entryId ?? null);
      },
      onDragLeave: () => {
        setDropTargetId(null);
      },
      onDrop: (event) => {
        event.preventDefault();
        const entryId = draggedId;
        const allowed = canDropOn(index);
        endDrag();
        if (entryId !== null && allowed) void move(entryId, index, `${entryId}:drag`);
      },
      onDragEnd: endDrag,
    }),
  };
}
