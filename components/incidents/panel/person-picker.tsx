"use client";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "../../ui/cn.ts";
import { usePeopleSearch, type FoundPerson } from "./use-people-search.ts";

interface Props {
  /** The accessible name: what picking someone does ("Hand over command to"). */
  label: string;
  placeholder: string;
  /** People already in the place this picker fills: not offered again. */
  excludeIds: string[];
  /** "Nobody", to clear a role: offered first when given. */
  clearLabel?: string;
  disabled?: boolean;
  /** The whole row's width, its list too; otherwise a narrow box whose list opens leftwards into the panel. */
  isWide?: boolean;
  onPick: (person: FoundPerson | null) => void;
}

type Choice = { key: string; person: FoundPerson | null };

// The options' greatest height, and what the status line and margins add to it (CSS pixels).
const LIST_MAX = 240;
const LIST_CHROME = 56;

/** The part of the screen the box can open into: its scrolling panel's, within the window. */
function roomAround(box: HTMLElement): { above: number; below: number } {
  let top = 0;
  let bottom = window.innerHeight;
  for (let p = box.parentElement; p; p = p.parentElement) {
    if (!/auto|scroll/.test(getComputedStyle(p).overflowY)) continue;
    const r = p.getBoundingClientRect();
    top = Math.max(top, r.top);
    bottom = Math.min(bottom, r.bottom);
    break;
  }
  const r = box.getBoundingClientRect();
  return { above: r.top - top, below: bottom - r.bottom };
}

/**
 * A combobox (WAI-ARIA 1.2, list autocomplete) over the organisation's people: it asks the server
 * for the few matching what is typed, because an organisation of a thousand is no option list.
 */
export function PersonPicker({ label, placeholder, excludeIds, clearLabel, disabled = false, isWide = false, onPick }: Props) {
  const id = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [text, setText] = useState("");
  const [active, setActive] = useState(-1);
  const search = usePeopleSearch(isOpen, text);
  const list = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const popup = useRef<HTMLDivElement>(null);
  const choices: Choice[] = [
    ...(clearLabel && !text.trim() ? [{ key: "none", person: null }] : []),
    ...search.people.filter((p) => !excludeIds.includes(p.id)).map((p) => ({ key: p.id, person: p })),
  ];
  const activeChoice = isOpen ? choices[active] : undefined;
  const optionId = (key: string) => `${id}-option-${key}`;
  const activeId = activeChoice ? optionId(activeChoice.key) : undefined;
  // Arrowing past the list's edge keeps the active person in sight; only the list scrolls, never the panel.
  useEffect(() => {
    const ul = list.current;
    const li = activeId ? document.getElementById(activeId) : null;
    if (!ul || !li) return;
    if (li.offsetTop < ul.scrollTop) ul.scrollTop = li.offsetTop;
    else if (li.offsetTop + li.offsetHeight > ul.scrollTop + ul.clientHeight)
      ul.scrollTop = li.offsetTop + li.offsetHeight - ul.clientHeight;
  }, [activeId]);

  // Opens upwards when the box is low in its panel (the roles sit near the foot of the side
  // panel), and no taller than the room there is, so no option is cut off. Measured again with
  // each answer: the panel above may have grown meanwhile.
  const shown = search.people.length;
  useEffect(() => {
    const [box, pop, ul] = [input.current, popup.current, list.current];
    if (!isOpen || !box || !pop || !ul) return;
    const { above, below } = roomAround(box);
    const isUp = below < LIST_MAX + LIST_CHROME && above > below;
    pop.style.top = isUp ? "auto" : "calc(100% + 4px)";
    pop.style.bottom = isUp ? "calc(100% + 4px)" : "auto";
    ul.style.maxHeight = `${Math.max(96, Math.min(LIST_MAX, (isUp ? above : below) - LIST_CHROME))}px`;
  }, [isOpen, shown, search.isLoading]);

  const close = () => {
    setIsOpen(false);
    setActive(-1);
  };
  const pick = (choice: Choice) => {
    close();
    setText("");
    onPick(choice.person);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!isOpen) {
        setIsOpen(true);
        return;
      }
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), choices.length - 1));
    } else if (e.key === "Enter" && activeChoice) {
      e.preventDefault();
      pick(activeChoice);
    } else if (e.key === "Escape" && isOpen) {
      e.preventDefault();
      close();
      setText("");
    }
  };

  const status =
    search.error ??
    (search.isLoading
      ? "Searching…"
      : choices.length === 0
        ? "Nobody matches"
        : search.hasMore
          ? "Type a name or email to narrow the list"
          : null);
  return (
    <div className={cn("relative", isWide ? "w-full" : "shrink-0")}>
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={isOpen ? `${id}-list` : undefined}
        aria-activedescendant={activeId}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        disabled={disabled}
        value={text}
        className={cn(
          "h-7 rounded border border-line bg-canvas px-1.5 text-xs text-ink placeholder:text-ink-muted focus:border-accent focus:outline-none disabled:opacity-50",
          isWide ? "w-full" : "w-[6.5rem]",
        )}
        ref={input}
        onFocus={() => setIsOpen(true)}
        onClick={() => setIsOpen(true)}
        onBlur={close}
        onChange={(e) => {
          setText(e.target.value);
          setIsOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      {isOpen ? (
        <div
          ref={popup}
          className={cn(
            "absolute top-full z-30 rounded-md border border-line-strong bg-raised p-1 shadow-xl",
            isWide ? "inset-x-0" : "right-0 w-64 max-w-[calc(100vw-2rem)]",
          )}
        >
          <ul ref={list} id={`${id}-list`} role="listbox" aria-label={label} className="relative max-h-60 overflow-y-auto">
            {choices.map((choice, i) => (
              <li
                key={choice.key}
                id={optionId(choice.key)}
                role="option"
                aria-selected={i === active}
                className={cn(
                  "cursor-pointer rounded px-2 py-1 text-xs",
                  i === active ? "bg-accent/25 text-ink" : "text-ink hover:bg-surface",
                )}
                // Keeps focus in the box, so its blur does not close the list before the click lands.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(choice)}
                onMouseEnter={() => setActive(i)}
              >
                {choice.person ? (
                  <>
                    <span className="block truncate font-medium">{choice.person.name}</span>
                    <span className="block truncate text-ink-muted">{choice.person.email}</span>
                  </>
                ) : (
                  <span className="block">{clearLabel}</span>
                )}
              </li>
            ))}
          </ul>
          {status ? (
            <p role="status" className="px-2 py-1 text-xs text-ink-muted">
              {status}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
