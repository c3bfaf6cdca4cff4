"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A row of links that scrolls sideways on a narrow screen, with a fade and a chevron at each edge
 * that has more links behind it: on a phone, "Map" looked like the last item and the rest of the
 * navigation was easy to miss. Tabbing to a hidden link scrolls it into view, and the cues follow.
 */
export function NavScroller({ children }: { children: ReactNode }) {
  const row = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ before: false, after: false });

  useEffect(() => {
    const el = row.current;
    if (!el) return;
    const update = () => setMore({ before: el.scrollLeft > 1, after: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 });
    update();
    el.addEventListener("scroll", update, { passive: true });
    const resized = new ResizeObserver(update);
    resized.observe(el);
    return () => {
      el.removeEventListener("scroll", update);
      resized.disconnect();
    };
  }, []);

  return (
    <div className="relative flex min-w-0 flex-1">
      <div
        ref={row}
        data-testid="main-nav-links"
        className="flex min-w-0 flex-1 items-center gap-4 overflow-x-auto [scrollbar-width:none] sm:gap-6"
      >
        {children}
      </div>
      {more.before && (
        <span
          aria-hidden
          data-testid="nav-more-before"
          className="pointer-events-none absolute inset-y-0 left-0 flex w-8 items-center bg-linear-to-r from-surface from-40% to-transparent text-ink-muted"
        >
          ‹
        </span>
      )}
      {more.after && (
        <span
          aria-hidden
          data-testid="nav-more-after"
          className="pointer-events-none absolute inset-y-0 right-0 flex w-8 items-center justify-end bg-linear-to-l from-surface from-40% to-transparent text-ink-muted"
        >
          ›
        </span>
      )}
    </div>
  );
}
