'use client';

import type { ReactNode } from 'react';

/**
 * A listbox whose active option is pointed at by the input that owns it (`aria-activedescendant`
 * = `optionId(listId, index)`): focus stays in the input while arrows move the selection.
 */
export function OptionList<T>({
  listId,
  label,
  items,
  active,
  keyOf,
  onChoose,
  onHover,
  className,
  children,
}: {
  listId: string;
  label: string;
  items: T[];
  active: number;
  keyOf: (item: T) => string;
  onChoose: (item: T) => void;
  onHover?: (index: number) => void;
  className: string;
  children: (item: T) => ReactNode;
}) {
  return (
    <ul id={listId} role="listbox" aria-label={label} className={className}>
      {items.map((item, index) => (
        <li
          key={keyOf(item)}
          id={optionId(listId, index)}
          role="option"
          aria-selected={index === active}
          // Keeps the focus (and the caret) in the input that owns the list.
          onMouseDown={(event) => event.preventDefault()}
          onMouseMove={onHover && (() => onHover(index))}
          onClick={() => onChoose(item)}
          className="cursor-pointer px-3 py-1.5 aria-selected:bg-indigo-100 dark:aria-selected:bg-indigo-900"
        >
          {children(item)}
        </li>
      ))}
    </ul>
  );
}

export const optionId = (listId: string, index: number) => `${listId}-${index}`;
