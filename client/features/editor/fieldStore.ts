/**
 * Live typed field values for React: one store per Y.Doc over the Y.Map `fields`
 * (shared/content/fields.ts). observeDeep tells which top-level keys changed, so a widget
 * re-renders only when its own field (or a row of it) changes, local or remote.
 */
import { useCallback, useSyncExternalStore } from "react";
import * as Y from "yjs";
import { fieldsMap, readStoredValue } from "../../../shared/content/fields.js";
import type { FieldValue, RowValue } from "../../../shared/template/types.js";

export class FieldStore {
  private readonly map: Y.Map<unknown>;
  private readonly versions = new Map<string, number>();
  private readonly cache = new Map<string, { version: number; value: FieldValue }>();
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(readonly doc: Y.Doc) {
    this.map = fieldsMap(doc);
    this.map.observeDeep(this.onChange);
  }

  private readonly onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const changed = new Set<string>();
    for (const event of events) {
      if (event.target === this.map) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) changed.add(key);
      } else {
        const top = event.path[0];
        if (typeof top === "string") changed.add(top);
      }
    }
    for (const key of changed) {
      this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
      for (const listener of [...(this.listeners.get(key) ?? [])]) listener();
    }
  };

  /** The field's value as JSON; the same object until the field changes (snapshot-stable). */
  get(key: string): FieldValue {
    const version = this.versions.get(key) ?? 0;
    const cached = this.cache.get(key);
    if (cached && cached.version === version) return cached.value;
    const value = readStoredValue(this.map.get(key));
    this.cache.set(key, { version, value });
    return value;
  }

  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  destroy(): void {
    this.map.unobserveDeep(this.onChange);
    this.listeners.clear();
  }
}

export function useFieldValue(store: FieldStore, key: string): FieldValue {
  const subscribe = useCallback((listener: () => void) => store.subscribe(key, listener), [store, key]);
  const getSnapshot = useCallback(() => store.get(key), [store, key]);
  return useSyncExternalStore(subscribe, getSnapshot);
}

// Narrowing helpers: stored values are untrusted, a wrong shape reads as "unset".
export const asString = (v: FieldValue): string | null => (typeof v === "string" ? v : null);
export const asNumber = (v: FieldValue): number | null => (typeof v === "number" ? v : null);
export const asBoolean = (v: FieldValue): boolean => v === true;
export const asRows = (v: FieldValue): RowValue[] =>
  Array.isArray(v) ? v.filter((r): r is RowValue => typeof r === "object" && r !== null && !Array.isArray(r)) : [];
export const asStringArray = (v: FieldValue): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
